// No derivative requests here.
double f(double x) { return x * 2; }
