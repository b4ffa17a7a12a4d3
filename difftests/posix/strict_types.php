<?php
declare(strict_types=1);
// strict_types: scalar parameters refuse coercion exactly like native; the
// untyped $file_descriptor still converts.
function t(string $label, callable $f) {
    try { $r = $f(); echo $label, ' => ', json_encode($r); }
    catch (Throwable $e) { echo $label, ' => ', get_class($e), ': ', $e->getMessage(); }
    echo "\n";
}
t('kill("1", 0)', fn() => posix_kill("1", 0));
t('kill(1.0, 0)', fn() => posix_kill(1.0, 0));
t('kill(true, 0)', fn() => posix_kill(true, 0));
t('kill(null, 0)', fn() => posix_kill(null, 0));
t('getpwnam(0)', fn() => posix_getpwnam(0));
t('getpwuid("0")', fn() => posix_getpwuid("0"));
t('mkfifo(1, 0)', fn() => posix_mkfifo(1, 0));
t('mkfifo("x", "0")', fn() => posix_mkfifo("x", "0"));
t('mknod("x", 0, 1.5)', fn() => posix_mknod("x", 0, 1.5));
t('access("/", null)', fn() => posix_access("/", null));
t('strerror(2.0)', fn() => posix_strerror(2.0));
t('initgroups(1, 0)', fn() => posix_initgroups(1, 0));
t('isatty("0")', fn() => posix_isatty("0"));
t('ttyname(1.5)', fn() => posix_ttyname(1.5));
t('isatty(null)', fn() => posix_isatty(null));
