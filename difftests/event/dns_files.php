<?php
// EventDnsBase::parseResolvConf and loadHosts on files of the test's own
// folder: return values, warnings, and the nameservers they add.
$dir = sys_get_temp_dir() . "/dns_files_" . getmypid();
@mkdir($dir);
$files = [
    "r1.conf" => "nameserver 127.0.0.1\nnameserver 127.0.0.2:5353\nsearch a.example b.example\noptions ndots:2 timeout:1 attempts:3 bogus:1\n",
    "r2.conf" => "# nothing\nsearch x\n",
    "r3.conf" => "",
    "r4.conf" => "nameserver bogus\nnameserver 127.0.0.9\n",
    "r5.conf" => "nameserver bogus\n",
    "r6.conf" => "nameserver 1.2.3.4,5.6.7.8\nnameserver fe80::1\n",
    "r7.conf" => "nameserver 9.9.9.9 8.8.8.8\nnameserver [::2]:54\nnameserver 7.7.7.7:53x\r\n\tnameserver\t7.7.7.8\ndomain d.example\noptions timeout:x ndots:y\n",
    "r8.conf" => "nameserver 127.0.0.1\0\nnameserver 127.0.0.3\n",
    "h1" => "127.0.0.5 foo foo.alias\n::1 six\n",
];
foreach ($files as $n => $t) file_put_contents("$dir/$n", $t);
$b = new EventBase();
$d = new EventDnsBase($b, false);
$cases = [[15, "r1.conf"], [15, "r2.conf"], [15, "r3.conf"], [15, "missing.conf"], [16, "r1.conf"], [-1, "r1.conf"],
    [0, "r1.conf"], [1, "r1.conf"], [2, "r1.conf"], [15, "/"], [8, "r1.conf"], [2, "r2.conf"], [15, "r1.conf\0x"], [65551, "r3.conf"]];
foreach ($cases as [$f, $n]) {
    $p = $n[0] === "/" ? $n : "$dir/$n";
    echo "$f ", json_encode($n), ": ", json_encode($d->parseResolvConf($f, $p)), " ", $d->countNameservers(), "\n";
}
foreach ([[15, "r3.conf"], [15, "missing.conf"], [13, "r3.conf"], [15, "/"], [15, "r4.conf"], [15, "r5.conf"], [2, "r2.conf"],
    [15, "r6.conf"], [15, "r7.conf"], [15, "r8.conf"], [4, "r1.conf"], [1, "r3.conf"]] as [$f, $n]) {
    $d = new EventDnsBase($b, false);
    $p = $n[0] === "/" ? $n : "$dir/$n";
    echo "fresh $f $n: ", json_encode($d->parseResolvConf($f, $p)), " ", $d->countNameservers(), "\n";
}
$d = new EventDnsBase($b, false);
foreach (["h1", "missing", "/", "", "h1\0x", "r1.conf"] as $h) {
    $p = ($h === "" || $h[0] === "/") ? $h : "$dir/$h";
    echo json_encode($h), ": ", json_encode($d->loadHosts($p)), "\n";
}
foreach ($files as $n => $t) unlink("$dir/$n");
rmdir($dir);
