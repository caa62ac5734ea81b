//! What can be read back from a Go wasm module without running it: the toolchain named in
//! the `producers` custom section, and the module information `cmd/go` stores between two
//! 16-byte sentinels (the same text `go version -m` prints for native binaries; the Go
//! linker leaves out the build info header on wasm, so that text is found by its sentinels).

const INFO_START: [u8; 16] = [
    0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02, 0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6,
];
const INFO_END: [u8; 16] = [
    0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2,
];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GoModule {
    pub path: String,
    pub version: String,
}

#[derive(Debug, Default)]
pub struct ModuleInfo {
    /// `language` entries of the producers section: ("Go", "go1.23.5").
    pub languages: Vec<(String, String)>,
    /// The main package path (`path` line).
    pub main_package: Option<String>,
    /// The main module (`mod` line).
    pub main_module: Option<GoModule>,
    /// Dependency modules (`dep` lines, with `=>` replacements applied).
    pub deps: Vec<GoModule>,
}

impl ModuleInfo {
    pub fn go_version(&self) -> Option<&str> {
        self.languages
            .iter()
            .find(|(name, _)| name == "Go")
            .map(|(_, v)| v.as_str())
    }
}

fn leb128(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut result: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        result |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(result);
        }
    }
    None
}

fn name<'a>(bytes: &'a [u8], pos: &mut usize) -> Option<&'a str> {
    let len = leb128(bytes, pos)? as usize;
    let end = pos.checked_add(len)?;
    let s = std::str::from_utf8(bytes.get(*pos..end)?).ok()?;
    *pos = end;
    Some(s)
}

/// The custom section called `wanted`, walking the module's sections (bounded by its size).
fn custom_section<'a>(module: &'a [u8], wanted: &str) -> Option<&'a [u8]> {
    let mut pos = 8;
    while pos < module.len() {
        let id = module[pos];
        pos += 1;
        let size = leb128(module, &mut pos)? as usize;
        let end = pos.checked_add(size)?;
        let body = module.get(pos..end)?;
        if id == 0 {
            let mut p = 0;
            if name(body, &mut p)? == wanted {
                return Some(&body[p..]);
            }
        }
        pos = end;
    }
    None
}

fn producers_languages(section: &[u8]) -> Option<Vec<(String, String)>> {
    let mut pos = 0;
    let mut languages = Vec::new();
    for _ in 0..leb128(section, &mut pos)? {
        let field = name(section, &mut pos)?;
        for _ in 0..leb128(section, &mut pos)? {
            let value = name(section, &mut pos)?;
            let version = name(section, &mut pos)?;
            if field == "language" {
                languages.push((value.to_string(), version.to_string()));
            }
        }
    }
    Some(languages)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Read what a Go-built wasm module says about itself; missing parts stay empty.
pub fn inspect(module: &[u8]) -> ModuleInfo {
    let mut info = ModuleInfo::default();
    if let Some(section) = custom_section(module, "producers") {
        info.languages = producers_languages(section).unwrap_or_default();
    }
    let Some(start) = find(module, &INFO_START) else {
        return info;
    };
    let text_start = start + INFO_START.len();
    let Some(len) = find(&module[text_start..], &INFO_END) else {
        return info;
    };
    let text = String::from_utf8_lossy(&module[text_start..text_start + len]);
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let module = || GoModule {
            path: fields.get(1).unwrap_or(&"").to_string(),
            version: fields.get(2).unwrap_or(&"").to_string(),
        };
        match fields.first() {
            Some(&"path") => info.main_package = fields.get(1).map(|s| s.to_string()),
            Some(&"mod") => info.main_module = Some(module()),
            Some(&"dep") => info.deps.push(module()),
            Some(&"=>") => {
                if let Some(last) = info.deps.last_mut() {
                    *last = module();
                }
            }
            _ => {}
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    fn str(s: &str, out: &mut Vec<u8>) {
        leb(s.len(), out);
        out.extend_from_slice(s.as_bytes());
    }

    fn section(id: u8, body: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        leb(body.len(), out);
        out.extend_from_slice(body);
    }

    #[test]
    fn reads_producers_and_go_module_info() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        let mut producers = Vec::new();
        str("producers", &mut producers);
        leb(2, &mut producers);
        str("language", &mut producers);
        leb(1, &mut producers);
        str("Go", &mut producers);
        str("go1.23.5", &mut producers);
        str("processed-by", &mut producers);
        leb(1, &mut producers);
        str("Go cmd/compile", &mut producers);
        str("go1.23.5", &mut producers);
        section(0, &producers, &mut module);
        let mut data = vec![0u8; 5];
        data.extend_from_slice(&INFO_START);
        data.extend_from_slice(
            b"path\tex.com/m\nmod\tex.com/m\tv1.0.0\t\ndep\tex.com/a\tv0.1.0\th1:x\n\
              dep\tex.com/b\tv0.2.0\t\n=>\tex.com/c\tv0.3.0\t\n",
        );
        data.extend_from_slice(&INFO_END);
        section(11, &data, &mut module);

        let info = inspect(&module);
        assert_eq!(info.go_version(), Some("go1.23.5"));
        assert_eq!(info.main_package.as_deref(), Some("ex.com/m"));
        let m = |p: &str, v: &str| GoModule {
            path: p.into(),
            version: v.into(),
        };
        assert_eq!(info.main_module, Some(m("ex.com/m", "v1.0.0")));
        assert_eq!(
            info.deps,
            vec![m("ex.com/a", "v0.1.0"), m("ex.com/c", "v0.3.0")]
        );
    }

    #[test]
    fn tolerates_truncated_and_foreign_input() {
        assert_eq!(inspect(b"\0asm\x01\0\0\0\0\xff\xff").go_version(), None);
        assert!(inspect(b"not wasm at all").main_module.is_none());
        let mut truncated = INFO_START.to_vec();
        truncated.extend_from_slice(b"path\tx");
        assert!(inspect(&truncated).main_package.is_none());
    }
}
