--TEST--
sockets: Reflection identical to native ext/sockets (functions, parameters, defaults, return types, classes, 212 constants)
--EXTENSIONS--
sockets
--SKIPIF--
<?php if (PHP_VERSION_ID >= 80300) die("skip PHP 8.2's Reflection; reflection_84.phpt checks 8.4's"); ?>
--FILE--
<?php
// native_reflection.txt: `php -n -d extension=sockets --re sockets` of PHP 8.2 on Linux x86_64, first line removed.
$args = getenv('TEST_PHP_EXTRA_ARGS');
$ours = shell_exec(escapeshellarg(PHP_BINARY) . " $args --re sockets");
$ours = substr($ours, strpos($ours, "\n") + 1);
$native = file_get_contents(__DIR__ . '/native_reflection.txt');
if ($ours === $native) { echo "identical\n"; } else {
    file_put_contents(sys_get_temp_dir() . '/ours_re.txt', $ours);
    echo "differs\n";
}
$e = new ReflectionExtension('sockets');
echo count($e->getFunctions()), " functions, ", count($e->getConstants()), " constants, ", implode(",", $e->getClassNames()), "\n";
?>
--EXPECT--
identical
36 functions, 212 constants, Socket,AddressInfo
