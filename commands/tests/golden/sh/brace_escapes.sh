echo "${x:-\$}" "${x:-\}}" "${x:-a\"b}"
x=1; echo "${x:+\}}" "\}"
cat <<EOT
${y:-\}} \}
EOT
