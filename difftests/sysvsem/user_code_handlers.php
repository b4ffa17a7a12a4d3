<?php
// Error handlers that throw on sem_* warnings: the exception replaces the
// return value; what the call did (acquisition counts, removal) is native's.
function t(string $what, callable $f) {
    try { $r = $f(); echo "$what: ", is_object($r) ? get_class($r) : var_export($r, true), "\n"; }
    catch (Throwable $e) { echo "$what: ", get_class($e), ": ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $e->getMessage()), "\n"; }
}
$k = ftok(__FILE__, 'h');
$__pid = getmypid(); register_shutdown_function(function () use ($k, $__pid) { if (getmypid() === $__pid) @sem_remove(sem_get($k)); });
set_error_handler(function ($no, $str) { throw new ErrorException("handler: $str", 0, $no); });
$s = sem_get($k, 2);
t("release not acquired", fn() => sem_release($s));
t("acquire", fn() => sem_acquire($s));
t("release", fn() => sem_release($s));
t("release again", fn() => sem_release($s));
t("acquire nowait", fn() => sem_acquire($s, true));
t("acquire nowait 2", fn() => sem_acquire($s, true));
t("acquire nowait 3 (taken)", fn() => sem_acquire($s, true));
t("remove", fn() => sem_remove($s));
t("remove again", fn() => sem_remove($s));
t("acquire removed", fn() => sem_acquire($s));
t("release removed", fn() => sem_release($s));
t("release removed 2", fn() => sem_release($s));
t("release removed 3", fn() => sem_release($s));
t("sem_get perm 0 then use", function () use ($k) { $x = sem_get($k, 1, 0); return sem_acquire($x, true); });
t("sem_get denied", fn() => sem_get(0x7ffffffe, 1, 0, false) && sem_get(0x7ffffffe, 1, 0666));
restore_error_handler();
@sem_remove(sem_get(0x7ffffffe));
$s = null;
echo "done\n";
