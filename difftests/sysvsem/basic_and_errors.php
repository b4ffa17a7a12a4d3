<?php
// sem_get/sem_acquire/sem_release/sem_remove: values, warnings, exceptions.
// Keys come from ftok() of this (per-run) file: warnings print them, so the
// handler replaces every hex number with <KEY>.
set_error_handler(function ($no, $str, $file, $line) {
    echo "[", $no, "] ", preg_replace(['/0x[0-9a-f]+/', '/float [0-9]+/'], ['<KEY>', 'float <KEY>'], $str), "\n";
    return true;
});
function t(callable $f) {
    try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$K = ftok(__FILE__, 'a');
$K2 = ftok(__FILE__, 'b');
$made = [];
register_shutdown_function(function () use (&$made) { foreach ($made as $s) @sem_remove($s); });

$s = sem_get($K); $made[] = $s;
var_dump($s);
t(fn() => sem_acquire($s));
t(fn() => sem_acquire($s, true));            // max_acquire 1: already taken
t(fn() => sem_release($s));
t(fn() => sem_release($s));                  // not currently acquired
t(fn() => sem_acquire($s, true));
t(fn() => sem_release($s));

// max_acquire is set by the first user only.
$m = sem_get($K2, 2); $made[] = $m;
$m2 = sem_get($K2, 5);
t(fn() => [sem_acquire($m, true), sem_acquire($m, true), sem_acquire($m, true), sem_acquire($m2, true)]);
t(fn() => [sem_release($m), sem_release($m), sem_release($m)]);
unset($m2);

// Freeing an object that holds acquisitions gives them back (auto_release).
$a = sem_get($K2);
t(fn() => [sem_acquire($a, true), sem_acquire($a, true)]);
unset($a);
t(fn() => [sem_acquire($m, true), sem_acquire($m, true), sem_release($m), sem_release($m)]);
// ... unless auto_release is false: the acquisition stays until exit.
$b = sem_get($K2, 1, 0666, false);
t(fn() => sem_acquire($b, true));
unset($b);
t(fn() => [sem_acquire($m, true), sem_acquire($m, true)]);
t(fn() => sem_release($m));

// Removal, and use after removal.
t(fn() => sem_remove($s));
t(fn() => sem_remove($s));
t(fn() => sem_acquire($s));
t(fn() => sem_acquire($s, true));
t(fn() => sem_release($s));
$made = [$m];

// max_acquire 0 and negative, permissions.
$K3 = ftok(__FILE__, 'c');
$z = sem_get($K3, 0); t(fn() => sem_acquire($z, true)); sem_remove($z);
$z = sem_get($K3, -5); t(fn() => sem_acquire($z, true)); sem_remove($z);
$z = sem_get($K3, 70000); t(fn() => sem_acquire($z, true)); sem_remove($z);
$z = sem_get($K3, 3, 0600); t(fn() => [sem_acquire($z, true), sem_acquire($z, true), sem_acquire($z, true), sem_acquire($z, true)]);
t(fn() => [sem_release($z), sem_release($z), sem_release($z), sem_release($z)]);
sem_remove($z);
// A set of another size under the key: semget fails.
$K4 = ftok(__FILE__, 'd');
$q = msg_get_queue($K4); msg_remove_queue($q); // (unrelated object kinds do not collide)
t(fn() => sem_get(PHP_INT_MIN + $K4));  // same key_t as $K4
$y = sem_get($K4); t(fn() => sem_acquire($y, true)); t(fn() => sem_release($y)); sem_remove($y);

// Argument errors.
t(fn() => sem_get());
t(fn() => sem_get(1, 2, 3, 4, 5));
t(fn() => sem_get("abc"));
t(fn() => sem_get($K, "x"));
t(fn() => sem_get($K, 1, []));
t(fn() => sem_get($K, 1, 0666, []));
t(function () use ($K) { $g = sem_get($K + 0.5); sem_remove($g); return $g; });
t(fn() => sem_acquire());
t(fn() => sem_acquire("x"));
t(fn() => sem_acquire(new stdClass));
t(fn() => sem_acquire($m, []));
t(fn() => sem_acquire($m, true, 1));
t(fn() => sem_release());
t(fn() => sem_release(null));
t(fn() => sem_release($m, 1));
t(fn() => sem_remove(1));
t(fn() => sem_remove());
t(fn() => sem_acquire($m, "1"));
t(fn() => sem_release($m));
t(fn() => sem_acquire($m, 0.0));
t(fn() => sem_release($m));

// The class.
t(fn() => new SysvSemaphore);
t(fn() => clone $m);
t(fn() => serialize($m));
t(fn() => unserialize('O:13:"SysvSemaphore":0:{}'));
t(function () use ($m) { $m->x = 1; });
t(fn() => $m == $m);
t(fn() => $m == sem_get($K2));
t(fn() => $m < $m);
t(fn() => (array)$m);
t(fn() => json_encode($m));
t(fn() => var_export($m, true));
$rc = new ReflectionClass('SysvSemaphore');
t(fn() => [$rc->isFinal(), $rc->isInstantiable(), $rc->isCloneable(), $rc->getConstructor(), $rc->getModifiers()]);
t(fn() => (new ReflectionFunction('sem_get'))->getExtensionName());
t(fn() => [extension_loaded('sysvsem'), phpversion('sysvsem') === PHP_VERSION]);
t(fn() => sem_remove($m));
$made = [];
echo "done\n";
