--TEST--
posix_mkfifo(): a forked writer and a reader exchange 1 MB byte-exact through the FIFO
--EXTENSIONS--
posix
--FILE--
<?php
pcntl_alarm(30);
$fifo = sys_get_temp_dir() . '/phpipc-phpt-fifo-' . getmypid();
var_dump(posix_mkfifo($fifo, 0600));
mt_srand(7);
$data = '';
for ($i = 0; $i < 1 << 18; $i++) $data .= pack('V', mt_rand());
$pid = pcntl_fork();
if ($pid === 0) {
    $w = fopen($fifo, 'w');
    for ($off = 0; $off < strlen($data); $off += 10007) fwrite($w, substr($data, $off, 10007));
    fclose($w);
    exit(0);
}
$r = fopen($fifo, 'r');
$got = stream_get_contents($r);
fclose($r);
pcntl_waitpid($pid, $st);
unlink($fifo);
var_dump(pcntl_wexitstatus($st), strlen($got), hash('sha256', $got) === hash('sha256', $data));
?>
--EXPECT--
bool(true)
int(0)
int(1048576)
bool(true)
