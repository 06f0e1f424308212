// Package outdir writes a build into a folder beside the output folder
// and swaps it in when the build succeeds.
//
// Write(out, opts, write) is the whole of it. write receives a *Dir and
// emits the site's files through Dir.Emit; when it returns nil, the new
// folder takes the place of out.
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
//     takes the mode of the folder it replaces. A symlinked out stays a
//     link: the folder it points to is the one replaced.
//   - Killed builds. Each folder a build makes is marked as vaultsite's
//     from its creation and, before kept entries move into it, lists
//     them in its marker. The next build puts back what such a folder
//     holds and deletes it (see recoverStale for each crash window).
//     Power loss is not covered: renames are not synced to disk.
//   - Reuse without writing through links. The output a build replaces
//     waits as ".NAME.previous"; the next build writes into it, rewriting
//     only files whose bytes changed, and a file that has another name
//     (a hard-linked snapshot) is replaced by a new file, never written
//     through.
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
