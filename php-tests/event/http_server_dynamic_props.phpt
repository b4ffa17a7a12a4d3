--TEST--
EventHttp, EventHttpRequest: dynamic properties can be read, tested and iterated (none are shown, as PECL; PECL segfaults on isset(), reads and foreach)
--EXTENSIONS--
event
--FILE--
<?php
$base = new EventBase();
foreach ([new EventHttp($base), new EventHttpRequest(function () {})] as $o) {
    @$o->dyn = 5;
    var_dump(isset($o->dyn), $o->dyn, get_object_vars($o));
    foreach ($o as $k => $v) echo "property $k\n";
    unset($o->dyn);
    var_dump(isset($o->dyn));
}
?>
--EXPECT--
bool(true)
int(5)
array(0) {
}
bool(false)
bool(true)
int(5)
array(0) {
}
bool(false)
