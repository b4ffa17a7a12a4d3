--TEST--
Fork-safe semaphores (differential): a child that inherited a SysvSemaphore and exits after its parent hangs natively, and exits with php-ipc
--EXTENSIONS--
sysvsem
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
// The issue's three lines, printing the child's pid.
$repro = '$s = sem_get((int)$argv[1]); $pid = pcntl_fork(); if ($pid === 0) { usleep(300000); exit; } echo "$pid\n"; usleep(100000);';
/** Whether process $pid is still running (an exited orphan may linger as a zombie). */
function running(int $pid): bool {
    $stat = @file_get_contents("/proc/$pid/stat");
    return $stat !== false && !preg_match('/^\d+ \(.*\) Z/', $stat);
}
function try_impl(string $impl, string $repro, int $key): void {
    $cmd = php_cmd($impl) . ' -r ' . escapeshellarg($repro) . " $key";
    // Output to a file: a pipe would stay open in the orphaned child.
    $out = tempnam(sys_get_temp_dir(), 'phpipc');
    shell_exec("$cmd > " . escapeshellarg($out) . " 2>&1");   // returns when the parent exits
    $pid = (int)file_get_contents($out);
    unlink($out);
    if ($pid <= 0) { echo "$impl: no child pid\n"; return; }
    $t = microtime(true);
    while (running($pid) && microtime(true) - $t < 3) usleep(20000);
    if (running($pid)) {
        echo "$impl: the child still runs 3 s after its parent exited (hung in shutdown)\n";
        posix_kill($pid, SIGKILL);
    } else {
        echo "$impl: the child exited\n";
    }
    $s = sem_get($key);
    sem_remove($s);
}
$native_ok = trim(shell_exec(php_cmd('native') . ' -r ' . escapeshellarg('echo extension_loaded("sysvsem") && function_exists("pcntl_fork") && !extension_loaded("ipc") ? "ok" : "no";')));
if ($native_ok === 'ok') {
    try_impl('native', $repro, ftok(__FILE__, 'n'));
} else {
    echo "native: sysvsem or pcntl missing, native side SKIPPED\n";
}
try_impl('ours', $repro, ftok(__FILE__, 'o'));
?>
--EXPECT--
native: the child still runs 3 s after its parent exited (hung in shutdown)
ours: the child exited
