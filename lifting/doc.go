// Package lifting computes the NIOSH Revised Lifting Equation and the HSE
// lifting and lowering risk filter. It is pure: no Fyne and no I/O.
package lifting
