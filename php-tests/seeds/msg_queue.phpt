--TEST--
seed msg_queue.php: fork, msg_send in the child, msg_receive in the parent, then the seed's own fatal error
--EXTENSIONS--
sysvmsg
pcntl
--FILE--
<?php
// The seed derives its key from __DIR__: run it from a private folder so
// parallel tests never share the queue.
$dir = sys_get_temp_dir() . '/phpipc-seed-msg-' . getmypid();
@mkdir($dir);
copy(__DIR__ . '/../../examples/msg_queue.php', "$dir/msg_queue.php");
// run-tests.php passes its -n/-d options to children in TEST_PHP_EXTRA_ARGS.
$args = getenv('TEST_PHP_EXTRA_ARGS');
$out = shell_exec(escapeshellarg(PHP_BINARY) . " $args " . escapeshellarg("$dir/msg_queue.php") . ' 2>&1');
$key = ftok($dir, 'a');
if (msg_queue_exists($key)) { echo "queue left behind\n"; msg_remove_queue(msg_get_queue($key)); }
unlink("$dir/msg_queue.php"); rmdir($dir);
echo str_replace($dir, '<DIR>', $out);
?>
--EXPECTF--
helloword

Fatal error: Uncaught Error: Call to undefined function pcnlt_wait() in <DIR>/msg_queue.php:25
Stack trace:
#0 {main}
  thrown in <DIR>/msg_queue.php on line 25
