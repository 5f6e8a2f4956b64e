printf 'abc' > f; chmod 644 f; touch -d '2020-01-02 03:04:05' f
stat f | sed -n '1p;4p;6p' 
stat f | sed -n 2p | cut -c1-17
ln -s f l; stat l | head -1
