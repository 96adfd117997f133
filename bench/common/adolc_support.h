//===- bench/common/adolc_support.h - ADOL-C tapes kept in memory -*- C++ -*-===//
//
// ADOL-C keeps a tape in buffers of OBUFSIZE/LBUFSIZE/VBUFSIZE/TBUFSIZE
// (524288) entries and spills to files in the working directory when a tape
// is larger; the Rosenbrock and GMM tapes are. Timing file I/O would not be
// a fair comparison, so the benchmarks record each tape twice: once with the
// default buffers to learn its size (tapestats), then again with buffers
// that hold the whole tape and the Taylor stack gradient() keeps (the
// buffer-size variant of trace_on()). adolc_record_in_core does both.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_BENCH_ADOLC_SUPPORT_H
#define DDX_BENCH_ADOLC_SUPPORT_H

#include <cstddef>

/// Buffer sizes (entries) for trace_on; all zero means ADOL-C's defaults.
struct AdolcBuffers {
  unsigned ops = 0, locs = 0, vals = 0, tays = 0;
};

/// trace_on(tag) with the given buffer sizes (or the defaults).
void adolc_trace_on(short tag, const AdolcBuffers& buffers);

/// The buffer sizes that hold the tape `tag` (already recorded) in memory.
AdolcBuffers adolc_in_core_buffers(short tag);

/// Whether any part of tape `tag` was written to a file.
bool adolc_tape_spilled(short tag);

/// Operation count of tape `tag` (for the reports).
std::size_t adolc_num_operations(short tag);

/// Drops tape `tag` from memory and deletes its files.
void adolc_remove_tape(short tag);

/// Tape number used to measure tape `tag` (see adolc_record_in_core).
inline short adolc_scratch_tag(short tag) { return short(tag + 1000); }

/// Records tape `tag` so that it stays in memory: record(t, buffers) must
/// record the tape numbered t with trace_on(t, buffers). It is called once
/// on a scratch tape with ADOL-C's default buffers to measure the tape, then
/// on `tag` with buffers that hold it. Returns those buffers; pass them when
/// recording `tag` again (retaping).
///
/// ADOL-C 2.7.2 keeps a tape's buffer sizes across recordings and corrupts
/// its heap when a tape number is recorded again with larger buffers, so
/// every tape number is only ever recorded with one set of sizes: tapes of
/// different kernels or sizes need different numbers.
template <typename Record>
AdolcBuffers adolc_record_in_core(short tag, Record record) {
  const short scratch = adolc_scratch_tag(tag);
  record(scratch, AdolcBuffers{});
  AdolcBuffers buffers = adolc_in_core_buffers(scratch);
  adolc_remove_tape(scratch);
  record(tag, buffers);
  return buffers;
}

#endif // DDX_BENCH_ADOLC_SUPPORT_H
