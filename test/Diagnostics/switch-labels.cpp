// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x, int k) {
  switch (k) {
  case 0:
    if (x > 0) {
    // CHECK: {{.*}}switch-labels.cpp:[[@LINE+1]]:5: error: a 'case' or 'default' label nested inside another statement is not supported by ddx; put every label of the switch at the top level of its body
    case 1:
      x = 1;
    }
    break;
  }
  return x;
}

double g(double x, int k) {
  switch (k) {
  // CHECK: {{.*}}switch-labels.cpp:[[@LINE+1]]:3: error: a GNU case range is not supported by ddx; list the case values one by one
  case 1 ... 3:
    return x;
  }
  return 0;
}
