package recovery

import "testing"

func TestFieldErrorNamesTheField(t *testing.T) {
	e := &FieldError{Field: "pain", Got: "12", Want: "expected 0 to 10"}
	if e.Error() != "pain: 12; expected 0 to 10" {
		t.Fatal(e.Error())
	}
	if (&FieldError{Field: "date", Want: "required"}).Error() != "date: required" {
		t.Fatal("without Got")
	}
}
