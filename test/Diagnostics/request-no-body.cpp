// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
#include <ddx/ddx.h>

double declared_only(double x);

// CHECK: {{.*}}request-no-body.cpp:[[@LINE+1]]:1: error: 'declared_only' has no visible definition; define it in this file, before the request, so ddx can differentiate its body (custom derivatives are not supported yet)
DDX_TANGENT(declared_only);

namespace lib {
double elsewhere(double, double);
}
// CHECK: {{.*}}request-no-body.cpp:[[@LINE+1]]:1: error: 'lib::elsewhere' has no visible definition
DDX_TANGENT_AS(d_elsewhere, lib::elsewhere);
