--TEST--
EventSslContext: Reflection is PECL event 3.1.5's (tests/reference/event.reflection.txt) apart from the OpenSSL version constants, and the class comes between EventUtil and EventException
--EXTENSIONS--
event
--FILE--
<?php
$ref = file_get_contents(__DIR__ . '/../../tests/reference/event.reflection.txt');
preg_match('/^    Class \[ <internal:event> final class EventSslContext \] \{\n.*?^    \}\n/ms', $ref, $m);
$theirs = preg_replace('/^    /m', '', $m[0]);
$ours = (string) new ReflectionClass('EventSslContext');
// The OpenSSL version PECL was built with, and the one ours is linked to at run time.
$version = '/(Constant \[ public (?:string|int) OPENSSL_VERSION_(?:TEXT|NUMBER) \] \{ ).*( \})/';
echo rtrim(preg_replace($version, '$1V$2', $ours)) === rtrim(preg_replace($version, '$1V$2', $theirs)) ? "same\n" : "DIFFERENT\n$ours\n";
var_dump(EventSslContext::OPENSSL_VERSION_NUMBER >= 0x30000000, str_starts_with(EventSslContext::OPENSSL_VERSION_TEXT, 'OpenSSL 3.'));
// Registration order (php --re event lists classes in this order).
$names = (new ReflectionExtension('event'))->getClassNames();
$i = array_search('EventSslContext', $names);
var_dump($names[$i - 1], $names[$i + 1]);
ob_start(); (new ReflectionExtension('event'))->info(); $info = ob_get_clean();
var_dump(str_contains($info, 'OpenSSL support => enabled'));
?>
--EXPECT--
same
bool(true)
bool(true)
string(9) "EventUtil"
string(14) "EventException"
bool(true)
