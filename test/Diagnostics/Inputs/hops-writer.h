// A helper that writes through a pointer (so reverse mode inlines it) and
// walks its input with a step that changes (which reverse mode rejects).
inline void hops(const double *x, double *out, int n) {
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    out[i] = p[0] * p[0];
    p += i;
  }
}
