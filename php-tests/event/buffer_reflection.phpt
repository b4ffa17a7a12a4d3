--TEST--
event: Reflection of EventBuffer is PECL event 3.1.5's (tests/reference/event.reflection.txt)
--EXTENSIONS--
event
--FILE--
<?php
$ref = file_get_contents(__DIR__ . '/../../tests/reference/event.reflection.txt');
preg_match('/^    Class \[ <internal:event> class EventBuffer \] \{\n.*?^    \}\n/ms', $ref, $m);
$theirs = preg_replace('/^    /m', '', $m[0]);
$ours = (string) new ReflectionClass('EventBuffer');
echo rtrim($ours) === rtrim($theirs) ? "same\n" : "DIFFERENT\n";
if (rtrim($ours) !== rtrim($theirs)) {
    $a = explode("\n", rtrim($theirs)); $b = explode("\n", rtrim($ours));
    foreach ($a as $i => $line) if (($b[$i] ?? null) !== $line) { echo "pecl: $line\nours: ", $b[$i] ?? '(none)', "\n"; break; }
}
var_dump((new ReflectionClass('EventBuffer'))->isFinal());
?>
--EXPECT--
same
bool(false)
