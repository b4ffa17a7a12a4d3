--TEST--
Ipc\ timed waits handle a PHP signal (pcntl_async_signals) as native blocking msg_receive, msg_send and sem_acquire do
--EXTENSIONS--
sysvsem
sysvmsg
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
// The same scenarios run under native PHP (blocking calls) and under php-ipc
// (the timed calls, with a 5 s timeout): a child sends SIGUSR1 after 0.2 s.
$code = <<<'PHP'
$timed = extension_loaded('ipc');
$k = (int)$argv[1];
pcntl_async_signals(true);
pcntl_signal(SIGUSR1, function () { echo "  handler ran\n"; });
$q = msg_get_queue($k);
$s = sem_get($k);
function signal_later(float $delay, ?callable $then = null): int {
    $parent = getmypid();
    $pid = pcntl_fork();
    if ($pid === 0) { pcntl_alarm(10); usleep((int)($delay * 1e6)); posix_kill($parent, SIGUSR1); if ($then) $then(); exit(0); }
    return $pid;
}
function report(string $what, $r, float $t0, $err = null): void {
    echo "$what: ", var_export($r, true), $err === null ? "" : " error_code=$err", sprintf(" after %s\n", microtime(true) - $t0 < 1 ? "< 1 s" : ">= 1 s");
}
echo "msg_receive on an empty queue:\n";
$pid = signal_later(0.2);
$t = microtime(true);
$r = $timed ? Ipc\msg_receive_timeout($q, 0, $type, 64, $m, 5, true, 0, $e) : msg_receive($q, 0, $type, 64, $m, true, 0, $e);
report("  returned", $r, $t, $e);
pcntl_waitpid($pid, $st);

echo "msg_send to a full queue:\n";
msg_set_queue($q, ['msg_qbytes' => 4]);
msg_send($q, 1, "full", false);
$pid = signal_later(0.2);
$t = microtime(true);
$e = null;
$r = $timed ? Ipc\msg_send_timeout($q, 1, "more", 5, false, $e) : msg_send($q, 1, "more", false, true, $e);
report("  returned", $r, $t, $e);
pcntl_waitpid($pid, $st);

echo "sem_acquire while another process holds it, released 0.4 s later:\n";
$pid = pcntl_fork();
if ($pid === 0) {
    // the child holds the semaphore: signal at 0.2 s, release at 0.4 s
    pcntl_alarm(10);
    $c = sem_get($k);
    sem_acquire($c);
    $parent = posix_getppid();
    usleep(200000); posix_kill($parent, SIGUSR1); usleep(200000); sem_release($c);
    exit(0);
}
// wait until the child holds it
while (sem_acquire($s, true)) { sem_release($s); usleep(5000); }
$t = microtime(true);
$r = $timed ? Ipc\sem_acquire_timeout($s, 5) : sem_acquire($s);
report("  returned", $r, $t);
$took = microtime(true) - $t;
echo "  waited for the release: ", var_export($took > 0.1, true), "\n";
pcntl_waitpid($pid, $st);
sem_release($s);
msg_remove_queue($q);
sem_remove($s);
PHP;
function run(string $impl, string $code, int $k): string {
    $f = tempnam(sys_get_temp_dir(), 'phpipc');
    file_put_contents($f, "<?php\n" . $code);
    $cmd = php_cmd($impl) . ($impl === 'native' ? ' -d extension=sysvmsg -d extension=posix' : '') . ' ' . escapeshellarg($f) . " $k";
    $out = shell_exec("$cmd 2>&1");
    unlink($f);
    return preg_replace(['/Ipc\\\\(\w+)_timeout\(\)/', '/ in \S+ on line \d+/'], ['$1()', ''], (string)$out);
}
$native = run('native', $code, ftok(__FILE__, 'n'));
$ours = run('ours', $code, ftok(__FILE__, 'o'));
echo $ours;
echo $native === $ours ? "same as native\n" : "DIFFERENT from native:\n$native";
?>
--EXPECT--
msg_receive on an empty queue:
  handler ran
  returned: false error_code=4 after < 1 s
msg_send to a full queue:

Warning: msg_send(): msgsnd failed: Interrupted system call
  handler ran
  returned: false error_code=4 after < 1 s
sem_acquire while another process holds it, released 0.4 s later:
  handler ran
  returned: true after < 1 s
  waited for the release: true
same as native
