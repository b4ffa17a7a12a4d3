--TEST--
Ipc\ timed waits interoperate with native-PHP processes using sem_acquire/sem_release, msg_send/msg_receive on the same keys
--EXTENSIONS--
sysvsem
sysvmsg
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
function native_cmd(): string { return php_cmd('native') . ' -d extension=sysvmsg'; }
/** Starts native PHP code that reads commands on stdin and answers on stdout. */
function native(string $code, array $args) {
    $cmd = native_cmd() . ' -r ' . escapeshellarg($code);
    foreach ($args as $a) $cmd .= ' ' . escapeshellarg((string)$a);
    $p = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    return [$p, $pipes[0], $pipes[1]];
}
function stop($n): void { [$p, $in, $out] = $n; fclose($in); echo stream_get_contents($out); fclose($out); proc_close($p); }
$check = trim(shell_exec(native_cmd() . ' -r ' . escapeshellarg('echo function_exists("sem_get") && function_exists("msg_send") && !extension_loaded("ipc") ? "ok" : "no";')));
if ($check !== 'ok') die("native sysvsem/sysvmsg are not available: cannot test interop\n");

$k = ftok(__FILE__, 'i');
$s = sem_get($k);
$q = msg_get_queue($k);
try {
    echo "-- native holds the semaphore\n";
    $n = native('$s = sem_get((int)$argv[1]); sem_acquire($s); echo "held\n"; fgets(STDIN); sem_release($s); echo "released\n"; fgets(STDIN);', [$k]);
    echo fgets($n[2]);
    var_dump(Ipc\sem_acquire_timeout($s, 0.2));
    fwrite($n[1], "release\n");
    $t = microtime(true);
    var_dump(Ipc\sem_acquire_timeout($s, 10), microtime(true) - $t < 5);
    echo fgets($n[2]);
    echo "-- ours holds it: native's nonblocking sem_acquire fails, a blocking one waits for our release\n";
    echo run_in('native', 'var_dump(sem_acquire(sem_get((int)$argv[1]), true));', [$k]);
    $m = native('$s = sem_get((int)$argv[1]); echo "waiting\n"; $t = microtime(true); sem_acquire($s); echo "native got it\n"; sem_release($s);', [$k]);
    echo fgets($m[2]);
    usleep(200000);
    var_dump(sem_release($s));
    stop($m);
    stop($n);
    echo "-- an ours process that exits holding a timed acquisition: SEM_UNDO frees it for native\n";
    echo run_in('ours', 'var_dump(Ipc\sem_acquire_timeout(sem_get((int)$argv[1], 1, 0666, false), 1));', [$k]);
    echo run_in('native', '$s = sem_get((int)$argv[1]); var_dump(sem_acquire($s, true)); sem_release($s);', [$k]);

    echo "-- native sends, ours receives with a timeout\n";
    $n = native('$q = msg_get_queue((int)$argv[1]); fgets(STDIN); msg_send($q, 3, ["from" => "native", 1.5]); msg_send($q, 4, "raw", false);', [$k]);
    fwrite($n[1], "go\n");
    var_dump(Ipc\msg_receive_timeout($q, 3, $type, 100, $msg, 10), $type, $msg);
    var_dump(Ipc\msg_receive_timeout($q, 0, $type, 100, $msg, 10, false), $type, $msg);
    stop($n);
    echo "-- ours sends with a timeout, native receives\n";
    var_dump(Ipc\msg_send_timeout($q, 9, ["from" => "ours"], 1), Ipc\msg_send_timeout($q, 10, 12.5, 1, false));
    stop(native('$q = msg_get_queue((int)$argv[1]); msg_receive($q, 9, $t, 100, $m); var_dump($t, $m); msg_receive($q, 0, $t, 100, $m, false); var_dump($t, $m);', [$k]));
    echo "-- a full queue: ours waits until native makes room\n";
    msg_set_queue($q, ['msg_qbytes' => 8]);
    var_dump(Ipc\msg_send_timeout($q, 1, "12345678", 0, false));
    $n = native('$q = msg_get_queue((int)$argv[1]); fgets(STDIN); usleep(200000); msg_receive($q, 0, $t, 100, $m, false); echo "native took $m\n";', [$k]);
    fwrite($n[1], "go\n");
    $t = microtime(true);
    var_dump(Ipc\msg_send_timeout($q, 1, "next", 10, false), microtime(true) - $t < 5);
    stop($n);
    var_dump(msg_receive($q, 0, $type, 100, $msg, false), $msg);
} finally {
    sem_remove($s);
    msg_remove_queue($q);
}
?>
--EXPECT--
-- native holds the semaphore
held
bool(false)
bool(true)
bool(true)
released
-- ours holds it: native's nonblocking sem_acquire fails, a blocking one waits for our release
bool(false)
waiting
bool(true)
native got it
-- an ours process that exits holding a timed acquisition: SEM_UNDO frees it for native
bool(true)
bool(true)
-- native sends, ours receives with a timeout
bool(true)
int(3)
array(2) {
  ["from"]=>
  string(6) "native"
  [0]=>
  float(1.5)
}
bool(true)
int(4)
string(3) "raw"
-- ours sends with a timeout, native receives
bool(true)
bool(true)
int(9)
array(1) {
  ["from"]=>
  string(4) "ours"
}
int(10)
string(9) "12.500000"
-- a full queue: ours waits until native makes room
bool(true)
bool(true)
bool(true)
native took 12345678
bool(true)
string(4) "next"
