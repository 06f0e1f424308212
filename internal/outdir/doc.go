// Package outdir writes a build into a folder beside the output folder
// and swaps it in when the build succeeds.
//
// Write(out, opts, write) is the whole of it. write receives a *Dir and
// emits the site's files through Dir.Emit (bytes in memory) or Dir.Copy
// (a stream, for attachments); when it returns nil, the new folder takes
// the place of out. The files it holds are exactly those emitted, plus
// the marker ".vaultsite-output" and the kept entries.
//
// Guarantees:
//
//   - Atomic swap. Where the file system can exchange two folders in one
//     step (Linux's RENAME_EXCHANGE), a reader of out sees the old site
//     or the new one, never a mix and never nothing. Elsewhere the swap
//     is two renames, with a moment in which out does not exist.
//   - A failed build leaves the previous output as it was: nothing is
//     written into out until write has returned nil. The unfinished
//     folder is kept beside out, as ".NAME.previous", for the next build
//     to reuse.
//   - What is kept. Entries at the root of out whose names start with a
//     dot (".git", ".nojekyll", ".well-known") and those matching
//     Options.Keep are moved into the new folder before the swap, never
//     copied or deleted. A site cannot emit a kept name. The new folder
//     takes the mode of the folder it replaces (not its owner: it is a
//     new folder). A symlinked out stays a
//     link: the folder it points to is the one replaced.
//   - Killed builds. Each folder a build makes is marked as vaultsite's
//     from its creation and, before kept entries move into it, lists
//     them in its marker. The next build puts back what such a folder
//     holds and deletes it. Power loss is not covered: nothing is synced.
//   - Reuse without writing through links. The output a build replaces
//     waits as ".NAME.previous"; the next build writes into it, rewriting
//     only files whose bytes changed, and a file that has another name
//     (a hard-linked snapshot) is replaced by a new file, never written
//     through.
//
// Where a killed build leaves things, and what the next build does
// (NAME is out's base name, N the digits of a temporary folder):
//
//  1. While writing: ".NAME.new-N" holds part of a site; out is as it
//     was. The folder is deleted.
//  2. While kept entries move into the new folder: some are in
//     ".NAME.new-N", listed in its marker, and out lacks them (a server
//     of out misses a ".well-known" for that moment). They are moved
//     back, then the folder is deleted.
//  3. Without atomic exchange, after out was renamed to
//     ".NAME.new-N.old" and before the new folder took its place: there
//     is no out. The ".old" folder becomes out again, then as 2.
//  4. After the swap: out is the new site with every kept entry, and the
//     folder it replaced is at ".NAME.new-N" (or ".NAME.new-N.old"),
//     holding nothing of the user's. It is deleted.
//
// Refused, with an error wrapping ErrUnsafe: an output that is the vault,
// lies inside it or holds it (both paths resolved through symlinks and
// compared by identity too); a symlink to nothing; a file; a mount point,
// which no rename can replace; and a folder that was not made by
// vaultsite and holds anything but kept entries.
//
// Two builds into one output at once are not supported: each locks its
// own folder, so one never clears away another's, but their swaps race.
package outdir
