inline double hsq(double x) { return x * x; }
DDX_GRADIENT(hsq);
