// Command buildversion prints the runtime.buildVersion string of a Go ELF binary, read with
// Go's own debug/elf through the symbol table: an oracle independent of the TypeScript reader.
package main

import (
	"debug/elf"
	"fmt"
	"os"
)

func main() {
	v, err := buildVersion(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(v)
}

func buildVersion(path string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		return "", err
	}
	var addr uint64
	for _, s := range syms {
		if s.Name == "runtime.buildVersion" {
			addr = s.Value
		}
	}
	if addr == 0 {
		return "", fmt.Errorf("%s: no runtime.buildVersion symbol", path)
	}
	// The variable is a string header: a pointer to the bytes, then their length.
	words := 8
	if f.Class == elf.ELFCLASS32 {
		words = 4
	}
	header, err := read(f, addr, uint64(2*words))
	if err != nil {
		return "", err
	}
	word := func(b []byte) uint64 {
		if words == 4 {
			return uint64(f.ByteOrder.Uint32(b))
		}
		return f.ByteOrder.Uint64(b)
	}
	data, err := read(f, word(header), word(header[words:]))
	if err != nil {
		return "", err
	}
	return string(data), nil
}

// read returns n bytes at a loaded address, from the section that holds them.
func read(f *elf.File, addr, n uint64) ([]byte, error) {
	for _, s := range f.Sections {
		if s.Type == elf.SHT_NOBITS || s.Flags&elf.SHF_ALLOC == 0 {
			continue
		}
		if addr >= s.Addr && addr+n <= s.Addr+s.Size {
			b := make([]byte, n)
			_, err := s.ReadAt(b, int64(addr-s.Addr))
			return b, err
		}
	}
	return nil, fmt.Errorf("address %#x not in any section", addr)
}
