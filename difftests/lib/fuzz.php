<?php
// The common frame of the randomised difftests (random_args.php, randomized.php):
// FUZZ=long runs 100000 calls and prints one line per 1,000-call block (md5 and
// size of the block's output, warnings included) so that a mismatch shows the
// first differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// FUZZ_SEED=<n> replaces the script's fixed seed (to explore; the default stays
// fixed). Sets the globals $LONG, $CALLS and $SEED, and bounds the run with
// SIGALRM (60 s, 600 s with FUZZ=long).
function fuzz_setup(int $calls, int $seed): void {
    $GLOBALS['LONG'] = getenv('FUZZ') === 'long';
    $GLOBALS['CALLS'] = $GLOBALS['LONG'] ? 100000 : $calls;
    pcntl_alarm($GLOBALS['LONG'] ? 600 : 60);
    $GLOBALS['SEED'] = (int) (getenv('FUZZ_SEED') ?: $seed);
    mt_srand($GLOBALS['SEED']);
    echo "seed {$GLOBALS['SEED']}, {$GLOBALS['CALLS']} calls\n";
}
function block_begin(int $i): void { if ($GLOBALS['LONG'] && $i % 1000 === 0) ob_start(); }
function block_end(int $i): void {
    if (!$GLOBALS['LONG'] || $i % 1000 !== 999) return;
    // The run folder (this lib/'s parent) differs between the two runs (difftest.sh prints it as <DIR>).
    $out = str_replace(dirname(__DIR__), '<DIR>', ob_get_clean());
    $b = intdiv($i, 1000);
    echo "block $b: ", md5($out), ' ', strlen($out), "\n";
    if ((string) $b === getenv('FUZZ_SHOW')) echo $out;
}
