<?php
// Argument errors (ArgumentCountError, TypeError, ValueError, deprecations),
// failing calls and the errno each leaves in posix_get_last_error().
function t(string $label, callable $f) {
    try { $r = $f(); echo $label, ' => ', json_encode($r); }
    catch (Throwable $e) { echo $label, ' => ', get_class($e), ': ', $e->getMessage(); }
    echo ' | errno=', posix_get_last_error(), "\n";
}
$dir = sys_get_temp_dir() . '/phpipc-posix-err-' . getmypid();
@mkdir($dir);
register_shutdown_function(function () use ($dir) {
    foreach (glob("$dir/*") as $f) @unlink($f);
    @rmdir($dir);
});
$D = fn($s) => str_replace($dir, '<D>', $s);

// Arity of every function.
foreach ((new ReflectionExtension('posix'))->getFunctions() as $fn) {
    $name = $fn->getName();
    if (in_array($name, ['posix_setsid'], true)) continue;
    $max = $fn->getNumberOfParameters();
    t("$name(+1 args)", fn() => $name(...array_fill(0, $max + 1, 1)));
    if ($fn->getNumberOfRequiredParameters() > 0) t("$name()", fn() => $name());
}
// Types.
t('kill("x",0)', fn() => posix_kill("x", 0));
t('kill(1.5,0)', fn() => posix_kill(1.5, 0));
t('kill("1",0)', fn() => posix_kill("1", 0));
t('kill(null,0)', fn() => posix_kill(null, 0));
t('kill([],0)', fn() => posix_kill([], 0));
t('kill(0,"9abc")', fn() => posix_kill(0, "9abc"));
t('kill(1e30,0)', fn() => posix_kill(1e30, 0));
t('kill(NAN,0)', fn() => posix_kill(NAN, 0));
t('setuid("root")', fn() => posix_setuid("root"));
t('getpgid(new stdClass)', fn() => posix_getpgid(new stdClass));
t('getpwnam([])', fn() => posix_getpwnam([]));
t('getpwnam(null)', fn() => posix_getpwnam(null));
t('getgrnam(123)', fn() => posix_getgrnam(123));
t('mkfifo([],0)', fn() => posix_mkfifo([], 0));
t('mkfifo(null,0)', fn() => posix_mkfifo(null, 0));
t('mkfifo("a\0b",0)', fn() => posix_mkfifo("a\0b", 0));
t('mkfifo(x,"rw")', fn() => posix_mkfifo("$dir/x", "rw"));
t('mknod("a\0b",0)', fn() => posix_mknod("a\0b", 0));
t('access("a\0b")', fn() => posix_access("a\0b"));
t('access(x, "r")', fn() => posix_access("/", "r"));
t('strerror("x")', fn() => posix_strerror("x"));
t('initgroups([],0)', fn() => posix_initgroups([], 0));
t('setrlimit(1,2,"x")', fn() => posix_setrlimit(1, 2, "x"));

echo "--- errno of failures\n";
t('kill(pid max,0)', fn() => posix_kill(2147483647, 0));
t('kill(1,-1)', fn() => posix_kill(1, -1));
t('kill(1,99)', fn() => posix_kill(1, 99));
t('kill(0,0)', fn() => posix_kill(0, 0));
t('getpgid(-1)', fn() => posix_getpgid(-1));
t('getpgid(2147483647)', fn() => posix_getpgid(2147483647));
t('getsid(-5)', fn() => posix_getsid(-5));
t('getsid(2147483647)', fn() => posix_getsid(2147483647));
t('setpgid(-1,0)', fn() => posix_setpgid(-1, 0));
t('setpgid(0,-1)', fn() => posix_setpgid(0, -1));
t('setpgid(2147483647,0)', fn() => posix_setpgid(2147483647, 0));
t('setrlimit(99,1,1)', fn() => posix_setrlimit(99, 1, 1));
t('setrlimit(-1,1,1)', fn() => posix_setrlimit(-1, 1, 1));
t('setrlimit(NOFILE,10,5)', fn() => posix_setrlimit(POSIX_RLIMIT_NOFILE, 10, 5));
t('getpwnam("")', fn() => posix_getpwnam(""));
t('getpwnam(nosuch)', fn() => posix_getpwnam("no-such-user-xyz"));
t('getgrnam(nosuch)', fn() => posix_getgrnam("no-such-group-xyz"));
t('getpwuid(123456)', fn() => posix_getpwuid(123456));
t('getgrgid(123456)', fn() => posix_getgrgid(123456));
t('initgroups("",0)', fn() => posix_initgroups("", 0));
t('access(missing)', fn() => posix_access("$dir/missing"));
t('access("")', fn() => posix_access(""));
t('access(/, 99)', fn() => posix_access("/", 99));
t('access(/, -1)', fn() => posix_access("/", -1));
t('access(/, R|W|X)', fn() => posix_access("/", POSIX_R_OK | POSIX_W_OK | POSIX_X_OK));
t('access(relative .)', fn() => posix_access(".", POSIX_F_OK));
t('access(relative ../..)', fn() => posix_access("../..", POSIX_F_OK));
t('mknod(CHR,major 0)', fn() => posix_mknod("$dir/c", POSIX_S_IFCHR | 0600));
t('mknod(BLK,major 0)', fn() => posix_mknod("$dir/c", POSIX_S_IFBLK | 0600, 0, 7));
t('mknod(SOCK,major 0)', fn() => posix_mknod("$dir/c", POSIX_S_IFSOCK | 0600));
t('mknod(REG)', fn() => posix_mknod("$dir/r", POSIX_S_IFREG | 0600));
t('mknod(REG again)', fn() => posix_mknod("$dir/r", POSIX_S_IFREG | 0600));
t('mknod(FIFO)', fn() => posix_mknod("$dir/f", POSIX_S_IFIFO | 0644));
clearstatcache(); echo filetype("$dir/r"), ' ', filetype("$dir/f"), "\n";
t('mknod(CHR 1,3)', fn() => posix_mknod("$dir/null", POSIX_S_IFCHR | 0666, 1, 3));
clearstatcache(); echo @filetype("$dir/null"), "\n";
t('mknod(missing dir)', fn() => posix_mknod("$dir/no/x", POSIX_S_IFREG | 0600));
t('mknod(bad type)', fn() => posix_mknod("$dir/bad", 0170000 | 0600, 1, 1));
t('mknod(major huge)', fn() => posix_mknod("$dir/h", POSIX_S_IFCHR, PHP_INT_MAX, -1));
t('getcwd()', fn() => posix_getcwd() === getcwd());
t('strerror(0)', fn() => posix_strerror(0));
t('strerror(-1)', fn() => posix_strerror(-1));
t('strerror(2)', fn() => posix_strerror(2));
t('strerror(133)', fn() => posix_strerror(133));
t('strerror(134)', fn() => posix_strerror(134));
t('strerror(4294967298)', fn() => posix_strerror(4294967298));
t('strerror(PHP_INT_MIN)', fn() => posix_strerror(PHP_INT_MIN));
for ($i = 0; $i < 140; $i++) echo $i, ':', posix_strerror($i), "\n";

echo "--- open_basedir\n";
ini_set('open_basedir', $dir);
t('mkfifo(outside)', fn() => posix_mkfifo('/tmp/phpipc-not-allowed', 0600));
t('mknod(outside)', fn() => posix_mknod('/tmp/phpipc-not-allowed', POSIX_S_IFREG));
t('mknod(outside, CHR major 0)', fn() => posix_mknod('/tmp/phpipc-not-allowed', POSIX_S_IFCHR));
t('access(outside)', fn() => posix_access('/etc/passwd'));
t('mkfifo(inside)', fn() => posix_mkfifo("$dir/inside", 0600));
t('access(inside)', fn() => posix_access("$dir/inside"));
t('mkfifo(inside again)', fn() => posix_mkfifo("$dir/inside", 0600));
echo json_encode(@file_exists("/tmp/phpipc-not-allowed")), "\n";
