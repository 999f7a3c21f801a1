# Runs inside the prepared environment: configure (first time only), build, and
# optionally test one preset. Usage: build.sh PRESET build|test [ctest args...]
set -euo pipefail
preset=$1 what=$2
shift 2
# Configure once; after that, the build re-runs CMake itself when a CMakeLists changes.
if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
fi
if [ "$what" = test ]; then
    cmake --build --preset "$preset"
else
    cmake --build --preset "$preset" --target jobdeck jobdeck-cli jobdeck-server
    exit 0
fi
# The tests run in parallel: most of their time is waiting on simulated servers and timers
# (the dev suite keeps the cores half busy at twice as many tests as cores), so four per core
# keep the machine busy (CPU-bound tests claim more than one slot through their PROCESSORS
# property). CTEST_PARALLEL_LEVEL, or -j after --, overrides it.
# The asan suite is CPU-bound (the sanitizers' bookkeeping): two per core, or its timing
# tests starve.
per_core=4
[ "$preset" = asan ] && per_core=2
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(($(nproc) * per_core))}
exec ctest --preset "$preset" "$@"
