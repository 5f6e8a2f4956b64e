for n in 1 55 56 63 64 65 111 112 119 120 127 128 129 1000; do
  head -c $n /dev/zero | tr '\0' 'x' > f
  md5sum < f
  sha1sum < f
  sha256sum < f
  sha512sum < f
done
