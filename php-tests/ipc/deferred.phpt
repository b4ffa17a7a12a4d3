--TEST--
Ipc\ timed functions when sysvsem/sysvmsg are deferred to the native extensions: an Error, never a crash
--EXTENSIONS--
sysvsem
--FILE--
<?php
$cmd = escapeshellarg(PHP_BINARY) . ' -n -d extension=sysvsem -d extension=sysvmsg ' . getenv('TEST_PHP_EXTRA_ARGS');
$code = '
echo extension_loaded("ipc") ? "ipc loaded\n" : "no ipc\n";
$k = ftok($argv[0], "d");
$s = sem_get($k); $q = msg_get_queue($k);
foreach ([fn() => Ipc\sem_acquire_timeout($s, 0.1), fn() => Ipc\msg_receive_timeout($q, 0, $t, 10, $m, 0.1),
          fn() => Ipc\msg_send_timeout($q, 1, "x", 0.1)] as $f) {
    try { var_dump($f()); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
sem_remove($s); msg_remove_queue($q);';
$f = tempnam(sys_get_temp_dir(), 'phpipc');
file_put_contents($f, "<?php\n$code");
echo shell_exec("$cmd " . escapeshellarg($f) . " 2>&1");
unlink($f);
?>
--EXPECT--
ipc loaded
Error: This function needs php-ipc's sysvsem group, which is deferred to the native sysvsem extension
Error: This function needs php-ipc's sysvmsg group, which is deferred to the native sysvmsg extension
Error: This function needs php-ipc's sysvmsg group, which is deferred to the native sysvmsg extension
