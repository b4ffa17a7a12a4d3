--TEST--
event: Reflection of Event, EventBase, EventConfig, EventBufferEvent, EventHttpConnection, EventHttp, EventHttpRequest, EventUtil, EventException and EVENT_NS is PECL event 3.1.5's (tests/reference/event.reflection.txt)
--EXTENSIONS--
event
--FILE--
<?php
$ref = file_get_contents(__DIR__ . '/../../tests/reference/event.reflection.txt');
// Each class block of the reference starts at 4 spaces of indentation and ends at the matching "    }".
preg_match_all('/^    Class \[ <internal:event> (?:\w+ )*class (\w+)[^\]]*\] \{\n.*?^    \}\n/ms', $ref, $m, PREG_SET_ORDER);
$blocks = [];
foreach ($m as [$block, $name]) $blocks[$name] = $block;
foreach (['Event', 'EventBase', 'EventConfig', 'EventBufferEvent', 'EventHttpConnection', 'EventHttp', 'EventHttpRequest', 'EventUtil', 'EventException'] as $class) {
    $ours = (string) new ReflectionClass($class);
    // The reference is nested in the extension dump: 4 more spaces per line.
    $theirs = preg_replace('/^    /m', '', $blocks[$class]);
    echo $class, ": ", rtrim($ours) === rtrim($theirs) ? "same" : "DIFFERENT", "\n";
    if (rtrim($ours) !== rtrim($theirs)) {
        $a = explode("\n", rtrim($theirs)); $b = explode("\n", rtrim($ours));
        foreach ($a as $i => $line) if (($b[$i] ?? null) !== $line) { echo "  first difference at line $i:\n  pecl: $line\n  ours: ", $b[$i] ?? '(none)', "\n"; break; }
    }
}
$e = new ReflectionExtension('event');
var_dump($e->getVersion(), $e->getConstants(), $e->getDependencies());
?>
--EXPECT--
Event: same
EventBase: same
EventConfig: same
EventBufferEvent: same
EventHttpConnection: same
EventHttp: same
EventHttpRequest: same
EventUtil: same
EventException: same
string(5) "3.1.5"
array(1) {
  ["EVENT_NS"]=>
  string(0) ""
}
array(1) {
  ["sockets"]=>
  string(8) "Required"
}
