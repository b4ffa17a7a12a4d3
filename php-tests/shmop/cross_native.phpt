--TEST--
One shmop segment shared by native-PHP and php-ipc processes, both directions, both creators
--EXTENSIONS--
shmop
--FILE--
<?php
require __DIR__ . '/../sysvshm/cross.inc.php';
if (trim(run_in('native', 'echo extension_loaded("shmop") && !extension_loaded("ipc") ? "ok" : "no";')) !== 'ok') {
    die("native shmop is not available: cannot test interop\n");
}
var_dump(extension_loaded('ipc'));  // this process runs ours
$k = ftok(__FILE__, 'x');
$write = 'shmop_write(shmop_open((int)$argv[1], "w", 0, 0), $argv[2], (int)$argv[3]);';
$read = '$s = shmop_open((int)$argv[1], "a", 0, 0); echo shmop_size($s), " ", bin2hex(shmop_read($s, (int)$argv[2], (int)$argv[3])), "\n";';

echo "ours creates; native reads and writes:\n";
$s = shmop_open($k, "n", 0600, 256);
try {
    shmop_write($s, "ours\0bytes", 10);
    echo run_in('native', $read, [$k, 10, 10]);
    echo run_in('native', $write, [$k, "native was here", 100]);
    var_dump(shmop_read($s, 100, 15));
    echo "a native process holds it open while ours writes:\n";
    $h = start_in('native', '$s = shmop_open((int)$argv[1], "w", 0, 0); $t = microtime(true);
        while (shmop_read($s, 0, 4) !== "go!!" && microtime(true) - $t < 10) usleep(1000);
        echo shmop_read($s, 0, 4), " ", shmop_read($s, 4, 6), "\n";', [$k]);
    usleep(100000);
    shmop_write($s, "go!!", 0);
    shmop_write($s, "later", 4);   // may or may not be seen: only "go!!" is checked below
    [$word] = explode(" ", finish($h));
    var_dump($word);
} finally {
    shmop_delete($s);
}

echo "native creates; ours reads and writes:\n";
$k2 = ftok(__FILE__, 'y');
$h = start_in('native', '$s = shmop_open((int)$argv[1], "n", 0600, 300); shmop_write($s, "made by native", 0);
    echo "ready\n"; $t = microtime(true);
    while (shmop_read($s, 200, 4) !== "ours" && microtime(true) - $t < 10) usleep(1000);
    echo shmop_read($s, 200, 4), "\n"; shmop_delete($s);', [$k2]);
$out = $h[1];
echo fgets($out);
$o = shmop_open($k2, "w", 0, 0);
var_dump(shmop_size($o), shmop_read($o, 0, 14));
shmop_write($o, "ours", 200);
echo finish($h);
unset($o);
var_dump(@shmop_open($k2, "w", 0, 0));
?>
--EXPECT--
bool(true)
ours creates; native reads and writes:
256 6f757273006279746573
string(15) "native was here"
a native process holds it open while ours writes:
string(4) "go!!"
native creates; ours reads and writes:
ready
int(300)
string(14) "made by native"
ours
bool(false)
