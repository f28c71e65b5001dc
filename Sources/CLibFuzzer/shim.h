/*
 * CLibFuzzer: libFuzzer's driver, for the fuzz targets' entry points (Sources/fuzz-*).
 *
 * SwiftPM renames an executable's entry point and points `main` at it when linking, so a target
 * cannot leave `main` to libFuzzer; instead its entry point hands libFuzzer the command line and the
 * function to fuzz. The runtime that defines this is linked by -sanitize=fuzzer (`make fuzz`); nothing
 * else imports this module, so there is nothing to link here.
 */
#ifndef NEWSQ_CLIBFUZZER_SHIM_H
#define NEWSQ_CLIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's public entry (compiler-rt FuzzerInterface.h): parses the flags and runs the fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
