	cat <<-EOF
	tabbed ${HOME%%/*}x
		double
	EOF
echo after
