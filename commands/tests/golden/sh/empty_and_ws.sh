   
echo ok

