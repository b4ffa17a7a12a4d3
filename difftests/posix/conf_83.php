<?php
// PHP 8.3+ posix: posix_sysconf, posix_pathconf, posix_fpathconf,
// posix_eaccess, posix_getrlimit($resource), and 8.3's posix_isatty /
// posix_ttyname argument checks. Skipped where native posix lacks them (8.2).
if (!function_exists('posix_sysconf')) { echo "#SKIP posix_sysconf() is PHP 8.3+\n"; exit; }
function reset_errno() { @posix_getpgid(999999999); } // last error ESRCH
function t(string $label, callable $f) {
    reset_errno();
    try { $r = $f(); echo $label, ' => ', json_encode($r); }
    catch (Throwable $e) { echo $label, ' => ', get_class($e), ': ', $e->getMessage(); }
    echo ' | errno=', posix_get_last_error(), "\n";
}
$dir = __DIR__;
touch("$dir/file");
posix_mkfifo("$dir/fifo", 0600);
$fp = fopen("$dir/file", 'r');
t('sysconf(PAGESIZE)', fn() => posix_sysconf(POSIX_SC_PAGESIZE));
t('sysconf(CLK_TCK)', fn() => posix_sysconf(POSIX_SC_CLK_TCK));
t('sysconf(NPROCESSORS_CONF) > 0', fn() => posix_sysconf(POSIX_SC_NPROCESSORS_CONF) > 0);
t('sysconf(-5)', fn() => posix_sysconf(-5));
t('sysconf("30")', fn() => posix_sysconf("30"));
t('sysconf(1.5)', fn() => posix_sysconf(1.5));
t('sysconf([])', fn() => posix_sysconf([]));
t('sysconf()', fn() => posix_sysconf());
foreach (['POSIX_PC_LINK_MAX', 'POSIX_PC_NAME_MAX', 'POSIX_PC_PATH_MAX', 'POSIX_PC_PIPE_BUF', 'POSIX_PC_CHOWN_RESTRICTED',
    'POSIX_PC_NO_TRUNC', 'POSIX_PC_ALLOC_SIZE_MIN', 'POSIX_PC_SYMLINK_MAX', 'POSIX_PC_MAX_CANON'] as $c) {
    t("pathconf(dir, $c)", fn() => posix_pathconf($dir, constant($c)));
    t("pathconf(fifo, $c)", fn() => posix_pathconf("$dir/fifo", constant($c)));
    t("fpathconf(fp, $c)", fn() => posix_fpathconf($fp, constant($c)));
}
t('pathconf("", 1)', fn() => posix_pathconf("", 1));
t('pathconf("a\0b", 1)', fn() => posix_pathconf("a\0b", 1));
t('pathconf(missing, NAME_MAX)', fn() => posix_pathconf("$dir/missing", POSIX_PC_NAME_MAX));
t('pathconf(dir, 999)', fn() => posix_pathconf($dir, 999));
t('pathconf([], 1)', fn() => posix_pathconf([], 1));
t('fpathconf(0, PIPE_BUF)', fn() => posix_fpathconf(0, POSIX_PC_PIPE_BUF));
t('fpathconf(-1, 5)', fn() => posix_fpathconf(-1, 5));
t('fpathconf(2**40, 5)', fn() => posix_fpathconf(2 ** 40, 5));
t('fpathconf("0", 5)', fn() => posix_fpathconf("0", 5));
t('fpathconf("x", 5)', fn() => posix_fpathconf("x", 5));
t('fpathconf(1.5, 5)', fn() => posix_fpathconf(1.5, 5));
t('fpathconf(null, 5)', fn() => posix_fpathconf(null, 5));
t('fpathconf(true, 5)', fn() => posix_fpathconf(true, 5));
t('fpathconf([], 5)', fn() => posix_fpathconf([], 5));
t('fpathconf(stdClass, 5)', fn() => posix_fpathconf(new stdClass, 5));
t('fpathconf(fp, 999)', fn() => posix_fpathconf($fp, 999));
$ctx = stream_context_create();
t('fpathconf(context, 5)', fn() => posix_fpathconf($ctx, 5));
t('fpathconf(memory, 5)', fn() => posix_fpathconf(fopen('php://memory', 'r'), 5));
t('eaccess(dir)', fn() => posix_eaccess($dir));
t('eaccess(file, R_OK|W_OK)', fn() => posix_eaccess("$dir/file", POSIX_R_OK | POSIX_W_OK));
t('eaccess(file, X_OK)', fn() => posix_eaccess("$dir/file", POSIX_X_OK));
t('eaccess(missing)', fn() => posix_eaccess("$dir/missing"));
t('eaccess(relative file)', fn() => posix_eaccess("file"));
t('eaccess("")', fn() => posix_eaccess(""));
t('eaccess("a\0b")', fn() => posix_eaccess("a\0b"));
t('eaccess(dir, 99)', fn() => posix_eaccess($dir, 99));
t('getrlimit(NOFILE)', fn() => posix_getrlimit(POSIX_RLIMIT_NOFILE));
t('getrlimit(CPU)', fn() => posix_getrlimit(POSIX_RLIMIT_CPU));
t('getrlimit(999)', fn() => posix_getrlimit(999));
t('getrlimit(-1)', fn() => posix_getrlimit(-1));
t('getrlimit(null) keys', fn() => array_keys(posix_getrlimit(null)));
t('getrlimit("x")', fn() => posix_getrlimit("x"));
t('getrlimit(1, 2)', fn() => posix_getrlimit(1, 2));
foreach ([-1, 2 ** 32, 0, 99, [], null, "abc", "1", 1.5, true, new ArrayObject, $fp] as $i => $v) {
    t("isatty(#$i)", fn() => posix_isatty($v));
    t("ttyname(#$i)", fn() => posix_ttyname($v));
}
fclose($fp);
unlink("$dir/file");
unlink("$dir/fifo");
