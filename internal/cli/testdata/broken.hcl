control "iso29151" "A.3.1" {
  title  = "Broken"
  parent = "A.3"
  treats = ["data_los"]
}
