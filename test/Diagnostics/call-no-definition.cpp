// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double external(double x);

double f(double x) {
  // CHECK: {{.*}}call-no-definition.cpp:[[@LINE+1]]:14: error: call to 'external' has no visible definition; define it in this file, before the request (custom derivatives are not supported yet)
  return 2 * external(x);
}
// CHECK: {{.*}}call-no-definition.cpp:[[@LINE-4]]:8: note: while lowering 'f' to ddx IR

namespace ns {
double declared(double);
}
double g(double x) {
  // CHECK: {{.*}}call-no-definition.cpp:[[@LINE+1]]:10: error: call to 'ns::declared' has no visible definition
  return ns::declared(x);
}
// CHECK: 2 errors generated.
