#include "adolc_support.h"

#include <adolc/adolc.h>

void adolc_trace_on(short tag, const AdolcBuffers& b) {
  if (b.ops == 0)
    trace_on(tag);
  else
    trace_on(tag, /*keepTaylors=*/0, b.ops, b.locs, b.vals, b.tays);
}

AdolcBuffers adolc_in_core_buffers(short tag) {
  std::size_t stats[STAT_SIZE];
  tapestats(tag, stats);
  // A little slack over the recorded sizes (ADOL-C writes end markers).
  auto fit = [](std::size_t n) { return static_cast<unsigned>(n + n / 16 + 4096); };
  AdolcBuffers b;
  b.ops = fit(stats[NUM_OPERATIONS]);
  b.locs = fit(stats[NUM_LOCATIONS]);
  b.vals = fit(stats[NUM_VALUES]);
  b.tays = fit(stats[TAY_STACK_SIZE]);
  return b;
}

bool adolc_tape_spilled(short tag) {
  std::size_t stats[STAT_SIZE];
  tapestats(tag, stats);
  return stats[OP_FILE_ACCESS] || stats[LOC_FILE_ACCESS] ||
         stats[VAL_FILE_ACCESS];
}

std::size_t adolc_num_operations(short tag) {
  std::size_t stats[STAT_SIZE];
  tapestats(tag, stats);
  return stats[NUM_OPERATIONS];
}

void adolc_remove_tape(short tag) { removeTape(tag, ADOLC_REMOVE_COMPLETELY); }
