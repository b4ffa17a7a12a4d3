--TEST--
seed shm_counter.php: two forked children increment a counter in shared memory under a semaphore
--EXTENSIONS--
sysvsem
sysvshm
pcntl
--FILE--
<?php
// The seed derives its keys from __FILE__: run it from a private folder so
// parallel tests never share them.
$dir = sys_get_temp_dir() . '/phpipc-seed-shm-' . getmypid();
@mkdir($dir);
copy(__DIR__ . '/../../examples/shm_counter.php', "$dir/shm_counter.php");
$args = getenv('TEST_PHP_EXTRA_ARGS');
$out = shell_exec(escapeshellarg(PHP_BINARY) . " $args " . escapeshellarg("$dir/shm_counter.php") . ' 2>&1');
echo str_replace($dir, '<DIR>', $out);
// The seed removes its segment but never its semaphore.
// A size below the header size never creates a segment, only attaches one.
$shm = @shm_attach(ftok("$dir/shm_counter.php", 'm'), 1);
if ($shm) { echo "segment left behind\n"; shm_remove($shm); }
$sem = sem_get(ftok("$dir/shm_counter.php", 'b'));
var_dump(sem_acquire($sem, true));
sem_remove($sem);
unlink("$dir/shm_counter.php"); rmdir($dir);
?>
--EXPECT--
最终结果2
bool(true)
