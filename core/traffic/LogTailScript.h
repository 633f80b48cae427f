#pragma once

#include <QByteArray>

namespace difusor::traffic {

// The POSIX sh program LogTail runs on the server (`sh -s -- FILE INODE OFFSET FROM_END`, script on
// stdin). It follows FILE by inode and byte offset, polling every 0.2 s (paced by one long-lived perl
// ticker, no `sleep` forked per poll; sleep where perl is missing; after ~2 s without a line, FILE is
// looked at once a second until one comes), and writes batches of
// complete lines, each batch closed by a control line (first byte \001, which nginx and Apache escape
// in log data):
//   \001I <pid>             the script's process id (first line)
//   \001R <inode> <offset>  now reading this inode from this offset (start, or after a rotation)
//   \001P <inode> <offset>  the lines since the previous control line end at this offset: commit
//   \001T <inode>           the file shrank below the offset (copytruncate): reading again from 0
//   \001X <bytes>           a line longer than the batch cap (4 MiB) was skipped
//   \001H                   heartbeat, every 5 polls (~1 s), data or not: when the channel is gone
//                           (however it closed) the write fails and the script ends
//   \001S <state>           what FILE is: "ok", "missing", "notfile" (a folder…) or "unreadable" (by
//                           the SSH user); at start, when it becomes ok, and after ~2 s in another
//                           state. Only an ok FILE is read; the others are looked at every poll.
//   \001G                   the file we were reading is gone (rotated and removed or compressed before
//                           we finished it): its unread tail, if any, is lost
// A poll costs one `stat`, and when FILE grew one `dd` for the byte before its end and one `dd` that
// copies the whole lines to the channel (bench_traffic_live: the tail's processes ~2 % of one core at
// 20,000 lines/s, sshd's encryption and compression ~4 % more).
// Rotation by rename: the old inode is found among FILE, FILE.1, FILE-*, FILE.* (not compressed) and
// drained until it has stopped growing for three polls (the server may write to it until it reopens
// its log), then the new FILE is read from 0.
QByteArray logTailScript();

} // namespace difusor::traffic
