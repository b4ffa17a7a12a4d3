--TEST--
event: EventBuffer::read()/copyout() with negative or huge sizes take everything (PECL allocates the size first and aborts PHP)
--EXTENSIONS--
event
--FILE--
<?php
foreach ([-7, PHP_INT_MAX, PHP_INT_MIN, -1] as $n) {
    $b = new EventBuffer; $b->add("ab\r\ncd");
    $s = "";
    var_dump($b->copyout($s, $n), $s, $b->read($n), $b->length, $b->read($n));
}
?>
--EXPECT--
int(6)
string(6) "ab
cd"
string(6) "ab
cd"
int(0)
NULL
int(6)
string(6) "ab
cd"
string(6) "ab
cd"
int(0)
NULL
int(6)
string(6) "ab
cd"
string(6) "ab
cd"
int(0)
NULL
int(6)
string(6) "ab
cd"
string(6) "ab
cd"
int(0)
NULL
