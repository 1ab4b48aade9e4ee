// A whole suite skipped is reported as skipped, not as passed. A QtTest program whose
// initTestCase calls QSKIP skips every test and exits 0, which ctest counts as a pass; a suite
// that cannot run at all (no PostgreSQL server, no poppler-utils) calls exitAsSkipped() just
// before that QSKIP, and the program then exits with SkippedExitCode, which the test's
// SKIP_RETURN_CODE property (tests/CMakeLists.txt) makes ctest report as "Skipped".
#pragma once

namespace Peering::TestSupport {

constexpr int SkippedExitCode = 77;

// The process exits with SkippedExitCode at its normal end (after QTest has printed its
// results). Only for initTestCase: after its QSKIP nothing runs that could fail.
void exitAsSkipped();

} // namespace Peering::TestSupport
