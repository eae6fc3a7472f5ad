{"Statement": [%{ for a in ["s3:GetObject", "s3:PutObject"] ~}{"Sid": "${upper(name)}", "Action": "${a}"},%{ endfor ~}{"Sid": "last"}]}
