// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x) {
  // CHECK: {{.*}}exceptions.cpp:[[@LINE+1]]:3: error: exception handling ('try') is not supported by ddx; move error handling out of the function being differentiated
  try {
    return x;
  } catch (...) {
    return 0;
  }
}

double g(double x) {
  if (x < 0)
    // CHECK: {{.*}}exceptions.cpp:[[@LINE+1]]:5: error: 'throw' is not supported by ddx; move error handling out of the function being differentiated
    throw 1;
  // CHECK: {{.*}}exceptions.cpp:[[@LINE+1]]:22: error: 'throw' is not supported by ddx
  return x > 1 ? x : throw 2;
}
