--TEST--
EventListener: Reflection is PECL event 3.1.5's (tests/reference/event.reflection.txt)
--EXTENSIONS--
event
--FILE--
<?php
$ref = file_get_contents(__DIR__ . '/../../tests/reference/event.reflection.txt');
preg_match('/^    Class \[ <internal:event> final class EventListener \] \{\n.*?^    \}\n/ms', $ref, $m);
$theirs = preg_replace('/^    /m', '', $m[0]);
$ours = (string) new ReflectionClass('EventListener');
echo rtrim($ours) === rtrim($theirs) ? "same\n" : "DIFFERENT\n$ours\n";
// Registered where PECL registers it: after EventBuffer, before EventUtil.
$classes = array_keys((new ReflectionExtension('event'))->getClasses());
echo array_search('EventListener', $classes) > array_search('EventBuffer', $classes) ? "after EventBuffer\n" : "misplaced\n";
echo array_search('EventListener', $classes) < array_search('EventUtil', $classes) ? "before EventUtil\n" : "misplaced\n";
?>
--EXPECT--
same
after EventBuffer
before EventUtil
