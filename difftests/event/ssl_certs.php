<?php
// EventSslContext with certificate and key files: OPT_LOCAL_CERT and
// OPT_LOCAL_PK (missing, unreadable, mismatched, combined, relative and
// absolute, "" and NUL bytes), OPT_PASSPHRASE before the key (after it
// OpenSSL would ask on the terminal, so no case does that), CA files, and
// writes to the local_cert/local_pk properties. The PEM files are
// difftests/event/fixtures/*.pem (see the README there), written here
// into the run directory so that warnings show <DIR> paths.
function t($label, $opts) {
    echo "== $label\n";
    try { $c = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, $opts); var_dump($c); return $c; }
    catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
}
function w($c, $prop, $v) {
    echo "-- $prop = ", var_export($v, true), "\n";
    try { $c->$prop = $v; } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
    var_dump($c->$prop);
}
$pem = [
    'cert.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUPH3A5Ft6MyFKCcPKGEwKVaNl2AMwDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTAxNTQ1MloYDzIxMjYx
MTA1MDE1NDUyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDWiCMRS2HTwFb/Xi+rZC+xes4yONu/zr/7gnq8m4gJ
Yl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQF6EeR0WzS6FiG3Tui7CVgRBpu8y3
dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2StH3URT51pSMj5k9OxUUA/VJSYuKEj
zWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0BEq0WhFw1rSAFryktw+gAbsAf2FmF
NxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apnjoGiFgcdr5DCJRm+9zY2FDIvdma+
khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP071AcUk813AgMBAAGjUzBRMB0GA1Ud
DgQWBBRamss6k1PQc4JZJwA8DV/H/psvmjAfBgNVHSMEGDAWgBRamss6k1PQc4JZ
JwA8DV/H/psvmjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQA1
IvLMPr7pi11HUb2jUbhTqYepBTOzz+0IGXE4NhGrGxGPqBcUm4PorHRNxOQd7e1z
jG3mz8hnSxn4Mu3p72Iy2EYZqvW3ma7i+9Hn1iMBfVcjU8wK9jfdAyZBh3h3I9K6
dozBxTxpjSDge5gezxwC1eWtHcrwvJVEWp6WNT+FL5d6GxnJj4PdfJO5S/MEq5UK
Sel9zpyWuDOhVOlE4UpW5iRPbPJpeLCwMO2du+nyIuh7Y7PH3wPtoi7qplO9H4I7
ydrt+WTD2y5bGw0ej+HVHZYNe9ycp5aMRnwydpimV08AH/srsbanf3eAWQq4/Sfc
87GlkOOO16wnFuhbIHw3
-----END CERTIFICATE-----
PEM,
    'key.pem' => <<<'PEM'
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDWiCMRS2HTwFb/
Xi+rZC+xes4yONu/zr/7gnq8m4gJYl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQ
F6EeR0WzS6FiG3Tui7CVgRBpu8y3dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2St
H3URT51pSMj5k9OxUUA/VJSYuKEjzWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0B
Eq0WhFw1rSAFryktw+gAbsAf2FmFNxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apn
joGiFgcdr5DCJRm+9zY2FDIvdma+khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP07
1AcUk813AgMBAAECggEAIDcOl7OWMSdvk6bKdGugWH/JzvOILDlueDo+bBbUSsnM
CEkPKdfjVOd2okHE0s3pkDxXANgYGvYPoMFWSdGyFHEwVCcuBqmmDrf0MFcp2rK/
17G4oVyIUFc1YjPywmN5pS9E8kk6307v3f9x+POCU85rlO7Z7y/1pzea84QQzpXr
/SGauyVumE874wwCnM5/KjxcSuqMUoAAnAROlnM9F4z+TaO96I70u1TtphdRm7VM
mqia08shhq3t+hWFctada4lQiDt1fwfTxElIJPQfUs291jXCfRiV194cCPF9mlGI
RGlPDOZ/wmy94plKLsH7fEkZaRDEOKktvQ1iYwI7AQKBgQDqvzCD8gDct2KdwJgx
OLKH5rHz2zF+swlmBgtp2E9xX1EiLewlCUcx0ITDWtvXZyjRx0fhBG/ffIKLBiIs
+mbimS/OwlXfyvcAUBH1KKXYo5IHJ18ROtlA76QIvLUdrM7gKkzyd3P1JsX5h1aH
bnmnYRJxTyYYJHZMEOerPNtpVwKBgQDp9GqHAZTE4eU6v5Mh6Nl4E1vdPCZsk/BG
PjiwQFgiFc+UIMCZnwljwQWa0E2AndvRmgTWFZiUHpqr5ieb+ghXpk6heOnvNnsg
8xxcGhX/MkrjFvOW4zWAT2NDGqdPfaa1jJvFa2SpPbNj4QYu2Jvcnuc2RYQfJ3+t
XSIiDKqI4QKBgQDfZGhn+EInyQC4/RIYLUuAluKcHOkCGKEGDRSJeodHbZzJOQhz
yluNJVFikzGI0CwBTnKxyUYpWNTmNkUJppWIaJ0dVsTf/seF7azZMAB7pFWQJ0CK
JgWfjS39/o8hGVWZ78dgKpsYHfji2I9YvKJazb7+Q4MOEIzfIGtHAtgOawKBgQCa
8pr/MWfjga09XJZI1hv57/BetTDJpq1zCFCpQuRcJs/lTk/hLricTcG1iBJchbCJ
wJVFaOY165MLGJLRNicCTg4z2Y4uNYoVB46X3VsGOrvobVIFdBQCGBIo5mU7O4AH
K8obVYZEpK3ED8v1iNappsCBbEcWDyX7nvw1SuhDYQKBgCnloxm2J4SINQ2PQaj8
kVQvWhobWmWN7U7aS369IAXDi41gFaBuQj0kjJYNoc1ioRXSDLJ+Ti5GWlo5vpiy
yvJHxR5VFxsuHtX4o1HnUvx9k3aU0Gs7qcVR9BLPM3eXvFH0x13kpK7xlrK66kcb
LLoRo+Ts22+fGqeyc/A+FMW0
-----END PRIVATE KEY-----
PEM,
    'other_cert.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDAzCCAeugAwIBAgIUWbShkxlqA6CrkK0NZcuMDDlv3wowDQYJKoZIhvcNAQEL
BQAwEDEOMAwGA1UEAwwFb3RoZXIwIBcNMjYxMTI5MDE1NDU1WhgPMjEyNjExMDUw
MTU0NTVaMBAxDjAMBgNVBAMMBW90aGVyMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A
MIIBCgKCAQEA2FqkwEDoVh95Yf0fMXV0vy96tVI5QcI3tAbwgB3SJzO8lpA0Va1n
y/lvM7gHC+Ot5ucKv/XhOMlKrN/J0W1Zd6Hc9gXlEZt2SUK+q5r/TQMgw5dhEgmz
+a1bDM9IWuNeBhGKtP9yhwcK0F1UDGBPkNCFq1lsO9P1xDS1bI53H0E0dxUUtpdU
DUYILJocHPRBTUxDNE3D6oG8GjapWpTRrFfSupxNJmbAjAmNX6A5V9Vo4PYXYHRQ
p+tToGH0NW5+Tf630zNnf4bjW/CTXQerEEcT87NTU5UqioVuvl34jeX1/mpVHACv
Qx/LMvQLq2R03jA9clPFcKMBC1kaTROy7wIDAQABo1MwUTAdBgNVHQ4EFgQUi76L
uVJgpSd+LRFaRWdnn4jjhaswHwYDVR0jBBgwFoAUi76LuVJgpSd+LRFaRWdnn4jj
haswDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAxNyKOEGVLfyg
GIbbkRHKpcAkbdCtFsiT542RuOR1QIdeFCeMWqYXG/7KvPpCVTfEX4OsjOUR/S8P
SNSt90mlICdkcg3JGD+boFT59fdkoD/It+V0nqUfATdJymJv8u0hU8lpeuM5YKLU
iQcnhAFjgMtAlHQmlIXyP1EdWvdkEvB5VrdR/7J+Pwlc5FjQiFjRFj2k4IAz20IB
nZhnrWIF8Z6m4gBUqKRoyGgyxTXnyxdvRgBEA3auu155TeHIec3IAmv0YzG5DyGt
b3K1LKJU6eHC0aQ3U2zONd/mkCJKlLK4nMpQA5+jX4NRaRBLdkSXD8FoSAgKtNbT
1NnqoK9fIw==
-----END CERTIFICATE-----
PEM,
    'other_key.pem' => <<<'PEM'
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDYWqTAQOhWH3lh
/R8xdXS/L3q1UjlBwje0BvCAHdInM7yWkDRVrWfL+W8zuAcL463m5wq/9eE4yUqs
38nRbVl3odz2BeURm3ZJQr6rmv9NAyDDl2ESCbP5rVsMz0ha414GEYq0/3KHBwrQ
XVQMYE+Q0IWrWWw70/XENLVsjncfQTR3FRS2l1QNRggsmhwc9EFNTEM0TcPqgbwa
NqlalNGsV9K6nE0mZsCMCY1foDlX1Wjg9hdgdFCn61OgYfQ1bn5N/rfTM2d/huNb
8JNdB6sQRxPzs1NTlSqKhW6+XfiN5fX+alUcAK9DH8sy9AurZHTeMD1yU8VwowEL
WRpNE7LvAgMBAAECggEABUXwTgnxn70UpaFtvomGVu0+qGdgozcAnzqsEfNSyUcm
3uSU4fcKrfCzwnxHGlsU71PM8fDO6dC+KTMrJWzs3qWV+nPE/tuIfoX0mmoktCkn
W0e37fXz6ln3UNCcitqP0sYKrhlWc+66rL7EQFOjR3xNmxI1jnUUFbwoeoTeZ7yQ
+eSIh0E+1hrx0zd2sh65KcoAV+4yBg0C3XPiePCSpshEzzDcu1gzQOc9TVFl8x2p
4XVoY+PbImeqzqWbQuc5iLl/MmQHQ6Pj6NPnCNwchAhJcl6oWkCPCK32qu5A/Nt1
NOoa1uO/kM4O7IOE7vfSXba9uVOaIcZnnGrpHECkAQKBgQDr7Bm5LAlx6Llw0NEt
Y8BC04Roj/Idr4I1NxwhFrZiyesrBsgWXdcUsNBTO5TSF4yRZJPBIMGyEOltZPFo
hNyXoEHq4zUJRTVOn2/TK/ibo4zOq/J648gqHVZtRPli5X14un2tttoHpthDyxGY
q1Ci0Z10vcS5qS1HQXv/kfHxrwKBgQDqxDjwhElhmxM6DqZvicATVc0RdtzU/S7R
tgB5Y28qm3Babvd8Mwr7LAaoGf7pu6U1pmGc/FiZUAp3YkPK3DEHmE9nc/bWX9mP
R25lQF4eXCUXjWY7cV0/6FKVNDk3/ZlOnxEFQlUPKUSUq3I+diBtlSg+OULYfJUh
MHU4WrDiwQKBgHJsnsVK8IHI6Dgpb2reWJ+Qy0WTm1B+kV6SDhiWVXtwh5jkvyLp
/KlSYJgd675CIbFa4Lbo1kkxHqYqMVQKLJt15MKx1EVcxdAOUERRrVB/cInEp+Sm
mayjcgmpTHOE7ughO1eHuhO//mBTG4O6g2+UzxOR/to1jXpj7mo0NO6NAoGBAOeB
trCfkwl4dh5TYhctnMa0XrPxJdW3EhtlQdRylKZMgB/9u3mzkAmeIbZVZEYzb7iX
KT04r1oITznpIfcC6iqWLP9UoL5H6O/cveWE8ws3TLCMFJtbsFwcCovt4tru7uZT
/+HSxrRburBs3QzxSgsmAnhR2TRIrnr7IS0AadxBAoGAELoQR97kENb8Uo5qzz/I
Eqz4VepI/5Z8C/9zo8Xqylkv6lbQ8oEwPd8unOaCKkQ+3TQg9YyFQnSr+1CBlptc
vAubUsEeT71RwxgHSRt4R3Tu7ZW2GFkhANow1+J5xMuTihELeWhZ5k5P+BMsii9H
p/3mKkBKyCBOWWGftkO8K/k=
-----END PRIVATE KEY-----
PEM,
    'combined.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUPH3A5Ft6MyFKCcPKGEwKVaNl2AMwDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTAxNTQ1MloYDzIxMjYx
MTA1MDE1NDUyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDWiCMRS2HTwFb/Xi+rZC+xes4yONu/zr/7gnq8m4gJ
Yl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQF6EeR0WzS6FiG3Tui7CVgRBpu8y3
dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2StH3URT51pSMj5k9OxUUA/VJSYuKEj
zWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0BEq0WhFw1rSAFryktw+gAbsAf2FmF
NxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apnjoGiFgcdr5DCJRm+9zY2FDIvdma+
khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP071AcUk813AgMBAAGjUzBRMB0GA1Ud
DgQWBBRamss6k1PQc4JZJwA8DV/H/psvmjAfBgNVHSMEGDAWgBRamss6k1PQc4JZ
JwA8DV/H/psvmjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQA1
IvLMPr7pi11HUb2jUbhTqYepBTOzz+0IGXE4NhGrGxGPqBcUm4PorHRNxOQd7e1z
jG3mz8hnSxn4Mu3p72Iy2EYZqvW3ma7i+9Hn1iMBfVcjU8wK9jfdAyZBh3h3I9K6
dozBxTxpjSDge5gezxwC1eWtHcrwvJVEWp6WNT+FL5d6GxnJj4PdfJO5S/MEq5UK
Sel9zpyWuDOhVOlE4UpW5iRPbPJpeLCwMO2du+nyIuh7Y7PH3wPtoi7qplO9H4I7
ydrt+WTD2y5bGw0ej+HVHZYNe9ycp5aMRnwydpimV08AH/srsbanf3eAWQq4/Sfc
87GlkOOO16wnFuhbIHw3
-----END CERTIFICATE-----
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDWiCMRS2HTwFb/
Xi+rZC+xes4yONu/zr/7gnq8m4gJYl3oems/eyhSsGx3QLr+lGu/pFiUAZ7B1XnQ
F6EeR0WzS6FiG3Tui7CVgRBpu8y3dR+XS8rOXP7pr50MsbWYUcAPfiFn+ASpX2St
H3URT51pSMj5k9OxUUA/VJSYuKEjzWMExapXpqvpEOCSaQAwYrnC7ed6XqmdGm0B
Eq0WhFw1rSAFryktw+gAbsAf2FmFNxOLv8yvboZzmGSrzFtURF2CBNbdrCus/apn
joGiFgcdr5DCJRm+9zY2FDIvdma+khe5hEKtnMWb6V3OhMq+BMCd1fCchn2aWP07
1AcUk813AgMBAAECggEAIDcOl7OWMSdvk6bKdGugWH/JzvOILDlueDo+bBbUSsnM
CEkPKdfjVOd2okHE0s3pkDxXANgYGvYPoMFWSdGyFHEwVCcuBqmmDrf0MFcp2rK/
17G4oVyIUFc1YjPywmN5pS9E8kk6307v3f9x+POCU85rlO7Z7y/1pzea84QQzpXr
/SGauyVumE874wwCnM5/KjxcSuqMUoAAnAROlnM9F4z+TaO96I70u1TtphdRm7VM
mqia08shhq3t+hWFctada4lQiDt1fwfTxElIJPQfUs291jXCfRiV194cCPF9mlGI
RGlPDOZ/wmy94plKLsH7fEkZaRDEOKktvQ1iYwI7AQKBgQDqvzCD8gDct2KdwJgx
OLKH5rHz2zF+swlmBgtp2E9xX1EiLewlCUcx0ITDWtvXZyjRx0fhBG/ffIKLBiIs
+mbimS/OwlXfyvcAUBH1KKXYo5IHJ18ROtlA76QIvLUdrM7gKkzyd3P1JsX5h1aH
bnmnYRJxTyYYJHZMEOerPNtpVwKBgQDp9GqHAZTE4eU6v5Mh6Nl4E1vdPCZsk/BG
PjiwQFgiFc+UIMCZnwljwQWa0E2AndvRmgTWFZiUHpqr5ieb+ghXpk6heOnvNnsg
8xxcGhX/MkrjFvOW4zWAT2NDGqdPfaa1jJvFa2SpPbNj4QYu2Jvcnuc2RYQfJ3+t
XSIiDKqI4QKBgQDfZGhn+EInyQC4/RIYLUuAluKcHOkCGKEGDRSJeodHbZzJOQhz
yluNJVFikzGI0CwBTnKxyUYpWNTmNkUJppWIaJ0dVsTf/seF7azZMAB7pFWQJ0CK
JgWfjS39/o8hGVWZ78dgKpsYHfji2I9YvKJazb7+Q4MOEIzfIGtHAtgOawKBgQCa
8pr/MWfjga09XJZI1hv57/BetTDJpq1zCFCpQuRcJs/lTk/hLricTcG1iBJchbCJ
wJVFaOY165MLGJLRNicCTg4z2Y4uNYoVB46X3VsGOrvobVIFdBQCGBIo5mU7O4AH
K8obVYZEpK3ED8v1iNappsCBbEcWDyX7nvw1SuhDYQKBgCnloxm2J4SINQ2PQaj8
kVQvWhobWmWN7U7aS369IAXDi41gFaBuQj0kjJYNoc1ioRXSDLJ+Ti5GWlo5vpiy
yvJHxR5VFxsuHtX4o1HnUvx9k3aU0Gs7qcVR9BLPM3eXvFH0x13kpK7xlrK66kcb
LLoRo+Ts22+fGqeyc/A+FMW0
-----END PRIVATE KEY-----
PEM,
    'enc_cert.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUEA/Do+rFil8oJ8fEwvhMFsol6Z4wDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTAxNTQ1N1oYDzIxMjYx
MTA1MDE1NDU3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQC8q/pYD6cEYQieUBPlMo3+J0d/LsbHAw609rDGvmX2
4fQ6H4a3ETEbUTD3z4z0BBV0FZfcNrLjvkRPCSZ/0mBdEgER2y9Qb9sE3k3l3/9z
MonPdDxp21bgAkJwW20PL5n/KxUnGMxlXesN3gjAWjTTDGCqP8WvRtTPcfYKajfi
L8ijgCtYDfaJWcDnkJ5Pdxsh0dvhGR2hENlQWyFcfGKsLcaiRBd/wsy6xR6t6M1o
uFqHzhW+rzjdEbhw3g28AjA5jCyBWYkIBzUHOLXW8l0SmGW9HQHAQUK64rbMwd2F
kVPYjjO49YVMkLBrzDPVf2vgx3xiuk0iohZDRVee7WG5AgMBAAGjUzBRMB0GA1Ud
DgQWBBQ0wmx4M+pQrU/EAjaOmXabOc0+QjAfBgNVHSMEGDAWgBQ0wmx4M+pQrU/E
AjaOmXabOc0+QjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQBU
Qi7KYYtW75rI3e5FrbtcDLC9sItQxqjOzFR0YLRkAXJY4FDCYaHBUGadFnnRHzip
7IHDF4BvLmn3kQs3kbvLzs2rZ0z7sm2B6kVsWAGBQ8orRTgpg0ZqekNx9VFhzsGn
+g019YN4qSNyZY/cEyepuVVKg8bWM87ZGvLyXJyvViYcygFY/mGoID1uf5cDwmqb
6FTncyYLMah3DE8YfuvRYtl3/yXlfkNICYy006V44yiXUmy4tdnw6/xqXhQD8g2s
FlMOz06XHUTRYLSpHuVSaFC6wJN9fzxp58OtAZLSTn/YGTidAE2c2EmM/mvV72vS
Pox5rs9qN+0+kq/5Zonb
-----END CERTIFICATE-----
PEM,
    'enc_key.pem' => <<<'PEM'
-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIi1BeQuAi5G0CAggA
MAwGCCqGSIb3DQIJBQAwFAYIKoZIhvcNAwcECFpuFQe/9rfOBIIEyACH9LETvKRO
mZd273swTH+f20rCVTLDq4/ihBJIJcNzMkp9QeeqYaxu6NLeK+ZrE8u7wa/ypowe
qhrFDyFeyBcbxTv85cGlvF4zqNDLmkxZhR+YQIX0hOrJ0vcFnWTDzlTG2RFEWUuy
D0b1RQIRggIgdlH0BWCrsneT4PQzL4XwLlEBFW5YpsjRVx/IZep1TGpr9ggER5JV
MZBrQFwzcCZJczYJWKF7apUsYOuXlmm5N6Ck6BYTzNSjpMeX1CXFd6BEjjTqNq9k
gvIeFWzy5YwgIZIYJVB7TSgj/gB8pUbcS85T/zNVpnK1D+Wr86KwqW2wh+DLMcMH
ti6bFDYdWTQkDkQTPywaAt4Ex7urEyXFp5POIvOMajQP4iOj4SpxyZEeJNAp1jPX
IgNZJEMRkp7n3haoL1NQ6c89glwYOam0jDvwnlMnCpa5/9rnMq1bhRtDTNpw8N12
0PdnT68KAS4r8Ay/sTcRa8oUvb8dqDL+dQMS2vqe5WgIqJ6pDa23NN+SGV5XbdBl
4PcaJHpEzF/YoTpW+EogDdHv18f93oxbzGmJuI0MrSQxH54AuPPnr8ovq2v6PgtE
GHBa0mqFmcgJ/kY2/CFInlb4uu+kiQkqQP0pOAeoxwsyU+SMZmsDm2qo2YZGj2Nc
kEQ7AGfD928EuJEAPTTV0uOPBNAES3u0Flbg/s/YwN54WrVPJgUW3ACos6GyN/NE
COzkFFHG17rUw1tHirFhArbTmgJGxNE4iITgtRLrTNYURO3jT0y9sgX6a+E6vsU3
Aa58jd77wGaB3JbouYCjnRom9+db6PwBOPcRyoN9hmSekr0ojZp3/NjRm6MKt0Ii
Bw+rE4WmEMBODBM+18x4EDNvaF/IwPXGQn/r0sSNKYuU4lXr8jLQgC3V9Q0dmknt
hfkopFidqHuG54ld5ve9+DNsBlz6Q2TWfgbFVsEl+D0PZgKgdR+aHEIJu1z/BJt7
n7Qi5f9zKZGGYFjNaXiIkJAJNZ+D8k2upcqYVs+rvgxC8nAKfVMELfl9lyAlMMej
vLgUuGqPHaxfSZblpPyEbxbzMkCnVBrxsF0PBaOsZWtQbauSGzfmuyzWDRmZyR7X
SQt3f8I8AHFQH1ddLcToV5XKlORg3x8TRhxxxHumcAeru5S91itZ8WKIf3M+d+ml
uA/W/rof3Uh5SvwbIBQFZEH70nnATmycERtj+5QMtDzdKA26Zww6Ja6xhWr1A6jX
FwEg6bXSw/h5KScgGtNdM00TxCXq8Iu9uxsROY6tyKeuK7KNRqnSN8W/sE0V0kni
kPeer+UDQ9f+5w5W2LdBU0U8STWHkGN9i7Uh2PQAbmhuV61wopxawFk+js/HEtZr
R3kwJS2TtZA55JfDe/HqpZA6Lculr3YkCv/OS3ZZtWIUvaE7uT1KQU1rxfZpk6Lq
uVtmRkaJnMZ+K6typgjZjMNhuT5nbOWJuLloFd7QOmxi+LuIUxftnXRLIUFD0qSM
riXHeycQJcFf8EVWg8k8LYEA9V2GYjdJgr3MRsjPjHt888MdMm6+itL9d9Hd3omo
NTTl70vyCZ6AcRe44leac5Fg7q754jHHpj8qZN5SHNJtPWzeeqQhkPwk5zhXZxux
ej9rciIsXMyWYHTjSWW2/g==
-----END ENCRYPTED PRIVATE KEY-----
PEM,
    'ca.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIIDFzCCAf+gAwIBAgIUeqVJWk7SH4oAtMqMWv/PI6cECkMwDQYJKoZIhvcNAQEL
BQAwGjEYMBYGA1UEAwwPcGhwLWlwYyB0ZXN0IENBMCAXDTI2MTEyOTAxNTQ1N1oY
DzIxMjYxMTA1MDE1NDU3WjAaMRgwFgYDVQQDDA9waHAtaXBjIHRlc3QgQ0EwggEi
MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCprmqbq6X4YiyS6IloaQZgWgts
NtdBixuLL9qSUqXBiDWbKT39narEtDBMl6zDodIDGXoPOgHyxo3lKuw2fug5jwHH
nwhLnrqDdPaveN37b3wrLxX4cNwfl5+QquogX8XqwCz1tAmK9eQvK797Y1w+y0GT
IOh0Ai2sKUeZbNLIuvCtDjeiMBBH/CqFMgfZzur9xpr0UTSMKkvYQAA3GM2uquC7
IL2AL0pKeHxTgbu5VQ/VheOyHuvxG2Ofgf8z2SI228S9zeOnCBdHU9dS2aiGlojp
4FUOEKeVqHTKlKRwvoLbtpJIesCVxCrRzybl1bVY3YKkIxklIClZTaM3Av3XAgMB
AAGjUzBRMB0GA1UdDgQWBBTc9uNR80r7ihWQiVfCY/R5skK/hTAfBgNVHSMEGDAW
gBTc9uNR80r7ihWQiVfCY/R5skK/hTAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3
DQEBCwUAA4IBAQA+xs2WMo3emgW9RaP4Oa5StoylBZFKyZDkBtKOovUHfZ1eJemo
9kJVwKXAIPYbp8vnvhLVpFMA/VOQ+Fj9HoXiJBlRlki0IYb+uHDWnjAjOacXNXPJ
/rg+ugz9w3ILGZEtm/2FxpXV87eCZfmrW5GenGrlE2UEHO4OX0GFt7kF+TJjjJ3r
b8RDAyXvBdp+PYhIdDCb5PESm6oAYIRRdaXTkOZvZgeP11bNdhF56y8vqQDqdlF+
c1jYGGO6SYsD5vtY0JaLgDc3+KZ6OKdVRqSOWVI+UhGUtbji868+a4gN4xmAp4Iz
wbwmHXv15tlssAUJ+z5tOB5XO4KQ85Edvxtc
-----END CERTIFICATE-----
PEM,
    'leaf.pem' => <<<'PEM'
-----BEGIN CERTIFICATE-----
MIICpDCCAYwCAQIwDQYJKoZIhvcNAQELBQAwGjEYMBYGA1UEAwwPcGhwLWlwYyB0
ZXN0IENBMCAXDTI2MTEyOTAxNTQ1OFoYDzIxMjYxMTA1MDE1NDU4WjAUMRIwEAYD
VQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDn
e+93Bf7DqovKqO3odQjiU7dy9kQBC4lQsIb7dUO1NcZlaSu40/iGsTso+BFNQ6Oj
k7gqETWOA0Tedu4o5WueewfSOj4fWrGZ1m8PAYzl8+eLye70Ql6FD0QL17HPcehU
JWtbayLtvoFzjO2Srz5UUv+2Y+MGPSQcptP7a0KZGKF2qtegCgTfsl25h6r5EbVG
APvG6/SQcY0xa4L80/3ryJ8wSQRiOXL/vMRxVE340X2gCdg2q8hZv3I3LCIblJLH
Ep6SNTRTzEEfJDG0xA6DMtBTccrfy29VB2rpyr7g693HlGbuYQ/mL5Bm4bB2O8P+
wZtyFXfT8jbouK34WXl5AgMBAAEwDQYJKoZIhvcNAQELBQADggEBAIo9bbwoPX1I
oQQ6YZhxjzyXE85jZqEmrPcm0z6o+JxAb2rhVGMQW8xOX8yMjL1hhEul8aYKa9jH
A1v8QsZPJERUJcTwpiFVt2zbBjtRLqjOo1ML+bHjLJybzxEw6fu4ucyY4dUNDilx
HrIpzeMTu4K9ri6BxsgoyvYm/diGSC+YwLmxawu7IxUjRUR8ut7dwIsk1k+Oav6e
u+DfxvYdKcM5GCsVKiKQ61B4WHNrFov4J4G3SCEHGcRvVIz3luXYCNlfhZWcQenh
7E7563dgvSqsjOBDhTzEZ56qJ5LU3oeMMuh4apXV5cuPt/hrcGYcsCswQq2Ps9EU
Uk54AR1Yd00=
-----END CERTIFICATE-----
PEM,
    'leaf_key.pem' => <<<'PEM'
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDne+93Bf7DqovK
qO3odQjiU7dy9kQBC4lQsIb7dUO1NcZlaSu40/iGsTso+BFNQ6Ojk7gqETWOA0Te
du4o5WueewfSOj4fWrGZ1m8PAYzl8+eLye70Ql6FD0QL17HPcehUJWtbayLtvoFz
jO2Srz5UUv+2Y+MGPSQcptP7a0KZGKF2qtegCgTfsl25h6r5EbVGAPvG6/SQcY0x
a4L80/3ryJ8wSQRiOXL/vMRxVE340X2gCdg2q8hZv3I3LCIblJLHEp6SNTRTzEEf
JDG0xA6DMtBTccrfy29VB2rpyr7g693HlGbuYQ/mL5Bm4bB2O8P+wZtyFXfT8jbo
uK34WXl5AgMBAAECggEAB0nI6JsHoi1QC5sFgJHnbB7S0hEMY5ReKAGi168hvlvE
KcRlrsL9Gm/hQGE3xD0VXXdaGfhNksbUvS9f62mLxE3fLsCMMlcGlqTLKDJg4grr
oaRY5xe226LMfkCgiyWXjnIDfw7wvC0JF4mv9N7FIYkKdDmRYox8GFXYAJy9gviV
oiNcaJJm1Gt7RoNI8QgZgQ68uVA1dMu8fDaFlYI7CfPWjF1B4KIpBxJJ0TxodrB8
JWpAtdokaHgJuJ7oIHFOhrjjtq2kIz/9s8Pl4qHM5R7mouWuXYLlhOzT1PwwXg+G
NLjTsh3RFBCt3Zweu1DFeO/OhxWOkf2vMprVfLtn7QKBgQD9VT7ylD/jzOd4SBT2
ejYhEdEWzeLWJPOmxNPI0iAKra7iia/eKjn4xq4e/jxjJB645r+exJJ/dz0fL2WZ
TY65LMFxg6WtMymXE1HYlRI/VnYEIoVQRo/LH5cIP6WbufkBsqDKOrV5vl9M24+i
wB1MDCPb1rQwHdCjKQkZrasGpQKBgQDp684RCSqXqU7g2nkMZf+Af8vM2zoM1Tv3
KKJ2o9sTpx33JLxKwmjfTDJRmTyIjE/of4y6mywuzoqHzQEIKBe9dPaFzrHqvtBj
dk9DlZNeThsGYelAazFRyfm3IAvtyHm3qz5EzDaOxyT6gX10eiSdjiZsB+1kwfVN
ssIlkJ3DRQKBgQCnwjbAHwo8CSnTTjCLlByaQ5kpt8eaNbgf3MG+f992EtP38mPD
BEWFh9Qwc/17TaUGns+QDO5SeJzCNPnbzi9QUuH7EMm662GESOfvO7Bsvw3B6TZN
FZ0NTusOLE+30yyhQjAWG1CnwTiMxezVQtFj1bo9T23dWzEZiwgauBXEfQKBgDNv
6bkvRdFhpnmlMNb8Gsnb0Cm0zzgBL5Vytv7VmxfgOKOezVS3GS5459uvkXMJP40F
dyGVe4qzWhzwhFiR0F6VuJvFzrOqz9H/MwDOhEBJdoHZx9uldovgmOuevWDFI5ay
rhecvCZ7PfNjw/132lNW7bX1rErqp5E1TKHMAhTtAoGAMpOtNImerJwuD+nNkNc6
8CFJWrhTRxHY+08VlxH/iMWqOCqWVYmEJo4nElffGXwiJ+QJYb4CkfaszQ/P8d6Y
DW5T3BywyF09lWWawoOdjjujwEY5gPdTMaO3LAwSlLjunuf+UxJ9oJbG44CixA0h
QEITbt8Hl470h8UE+uDLCrs=
-----END PRIVATE KEY-----
PEM,
];

foreach ($pem as $name => $text) file_put_contents($name, $text);
file_put_contents('garbage.pem', "not a pem file\n");
$dir = getcwd();
const C = EventSslContext::OPT_LOCAL_CERT, K = EventSslContext::OPT_LOCAL_PK, P = EventSslContext::OPT_PASSPHRASE;
t('cert+key', [C => 'cert.pem', K => 'key.pem']);
t('key first', [K => 'key.pem', C => 'cert.pem']);
t('absolute', [C => "$dir/cert.pem", K => "$dir/key.pem"]);
@mkdir('sub');
t('dot dot', [C => "sub/../cert.pem", K => "./key.pem"]);
t('dot dot missing', [C => "sub/../cert.pem", K => "sub/../nope/../key.pem"]);
t('combined', [C => 'combined.pem']);
t('cert only', [C => 'cert.pem']);
t('cert missing', [C => 'missing.pem', K => 'key.pem']);
t('key missing', [C => 'cert.pem', K => 'missing.pem']);
t('cert garbage', [C => 'garbage.pem', K => 'key.pem']);
t('cert is a key', [C => 'key.pem']);
t('cert is a dir', [C => $dir]);
t('cert empty', [C => '', K => 'key.pem']);
t('key empty', [C => 'cert.pem', K => '']);
t('key garbage', [C => 'cert.pem', K => 'garbage.pem']);
t('key mismatch', [C => 'cert.pem', K => 'other_key.pem']);
t('key mismatch, key first', [K => 'other_key.pem', C => 'cert.pem']);
t('cert nul', [C => "cert.pem\0junk", K => 'key.pem']);
t('key nul', [C => 'cert.pem', K => "key.pem\0junk"]);
t('pk only', [K => 'key.pem']);
t('encrypted, passphrase first', [P => 'secret', C => 'enc_cert.pem', K => 'enc_key.pem']);
t('encrypted, wrong passphrase', [P => 'wrong', C => 'enc_cert.pem', K => 'enc_key.pem']);
t('encrypted, passphrase nul', [P => "secret\0x", C => 'enc_cert.pem', K => 'enc_key.pem']);
t('encrypted, passphrase int', [P => 12345, C => 'enc_cert.pem', K => 'enc_key.pem']);
t('encrypted, passphrase too long', [P => str_repeat('s', 2000), C => 'enc_cert.pem', K => 'enc_key.pem']);
t('encrypted, passphrase array', [P => ['secret'], C => 'enc_cert.pem', K => 'enc_key.pem']);
t('unencrypted with passphrase', [P => 'secret', C => 'cert.pem', K => 'key.pem']);
t('chain', [C => 'leaf.pem', K => 'leaf_key.pem']);
t('ca file', [EventSslContext::OPT_CA_FILE => 'ca.pem', EventSslContext::OPT_VERIFY_PEER => true]);
t('ca file garbage', [EventSslContext::OPT_CA_FILE => 'garbage.pem']);
t('ca file key', [EventSslContext::OPT_CA_FILE => 'key.pem']);
t('ca path', [EventSslContext::OPT_CA_PATH => $dir, EventSslContext::OPT_CA_FILE => 'ca.pem']);
t('everything', [C => 'cert.pem', K => 'key.pem', EventSslContext::OPT_CA_FILE => 'ca.pem',
    EventSslContext::OPT_VERIFY_PEER => true, EventSslContext::OPT_ALLOW_SELF_SIGNED => true,
    EventSslContext::OPT_VERIFY_DEPTH => 3, EventSslContext::OPT_CIPHERS => 'HIGH',
    EventSslContext::OPT_REQUIRE_CLIENT_CERT => true, EventSslContext::OPT_VERIFY_CLIENT_ONCE => false,
    EventSslContext::OPT_CIPHER_SERVER_PREFERENCE => true, 'ignored' => 1]);
t('string key numbers', ['1' => 'cert.pem', '2' => 'key.pem']);
echo "== property writes\n";
$c = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, []);
w($c, 'local_cert', 'cert.pem');
w($c, 'local_pk', 'key.pem');
w($c, 'local_pk', 'other_key.pem');
w($c, 'local_cert', 'missing.pem');
w($c, 'local_cert', 'garbage.pem');
w($c, 'local_cert', 'combined.pem');
w($c, 'local_pk', 'missing.pem');
w($c, 'local_pk', '');
w($c, 'local_cert', '');
w($c, 'local_cert', "combined.pem\0junk");
w($c, 'local_pk', "$dir/key.pem");
var_dump($c);
$d = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [C => 'cert.pem', K => 'key.pem']);
w($d, 'local_cert', 'other_cert.pem');
w($d, 'local_cert', 'cert.pem');
w($d, 'local_pk', 'other_key.pem');
w($d, 'local_cert', 'combined.pem');
$d->local_pk .= '';
var_dump($d, (array)$d);
function inside($c) { $c->local_cert = 'garbage.pem'; $c->local_pk = 'garbage.pem'; }
inside($d);
$e = new EventSslContext(EventSslContext::TLS_SERVER_METHOD, [P => 'secret', C => 'enc_cert.pem', K => 'enc_key.pem']);
w($e, 'local_pk', 'enc_key.pem');
w($e, 'local_cert', 'enc_cert.pem');
echo "done\n";
