package com.ailsocialautomation.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A HEIC photo without its EXIF and XMP, changed in place: the items the "meta" box lists as "Exif", or as "mime"
 * of type application/rdf+xml (XMP), have their bytes overwritten with zeros where the item locations ("iloc") put
 * them; the item structure stays, so no offset moves. HEIF turns a picture by its "irot" property, never by EXIF, so
 * the picture stands as before.
 */
final class HeicScrub {
    /** A phone's photo has a few dozen items of one extent each; far more is built to keep a reader looping. */
    private static final int MAX_EXTENTS = 10_000;

    private HeicScrub() {}

    /**
     * Checks the item locations before metadata-extractor reads them: it loops over every extent of every item,
     * which a damaged count with zero-byte fields turns into billions of turns.
     */
    static void checkLocations(IsoBoxes boxes, IsoBoxes.Box meta) throws IOException {
        List<IsoBoxes.Box> parts = boxes.children(boxes.metaChildren(meta), meta.end());
        IsoBoxes.Box iloc = IsoBoxes.first(parts, "iloc").orElseThrow(() -> new CorruptMedia("no iloc"));
        extents(read(boxes, iloc), Set.of(), -1);
    }

    static void scrub(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            IsoBoxes boxes = new IsoBoxes(channel);
            List<IsoBoxes.Box> top = boxes.children(0, channel.size());
            IsoBoxes.Box meta = IsoBoxes.first(top, "meta").orElseThrow(() -> new CorruptMedia("no meta box"));
            List<IsoBoxes.Box> parts = boxes.children(boxes.metaChildren(meta), meta.end());
            IsoBoxes.Box iinf = IsoBoxes.first(parts, "iinf").orElseThrow(() -> new CorruptMedia("no iinf"));
            IsoBoxes.Box iloc = IsoBoxes.first(parts, "iloc").orElseThrow(() -> new CorruptMedia("no iloc"));
            Set<Long> secret = privateItems(boxes, iinf);
            long idat = IsoBoxes.first(parts, "idat").map(IsoBoxes.Box::payload).orElse(-1L);
            for (long[] extent : extents(read(boxes, iloc), secret, idat)) {
                if (extent[0] < 0 || extent[1] < 0 || extent[0] + extent[1] > channel.size()) {
                    throw new CorruptMedia("an item lies outside the file");
                }
                MovieScrub.zero(channel, extent[0], extent[0] + extent[1]);
            }
        }
    }

    /** The ids of the EXIF and XMP items, from the item information entries ("infe", versions 2 and 3). */
    private static Set<Long> privateItems(IsoBoxes boxes, IsoBoxes.Box iinf) throws IOException {
        ByteBuffer head = boxes.read(iinf.payload(), 4);
        long first = iinf.payload() + 4 + (head.get(0) == 0 ? 2 : 4);
        Set<Long> ids = new HashSet<>();
        for (IsoBoxes.Box infe : boxes.children(first, iinf.end())) {
            ByteBuffer entry = read(boxes, infe);
            int version = entry.get(0);
            if (!infe.type().equals("infe") || version < 2) {
                continue;
            }
            entry.position(4);
            long id = version == 2 ? entry.getShort() & 0xFFFF : entry.getInt() & 0xFFFFFFFFL;
            entry.getShort(); // protection index
            byte[] type = new byte[4];
            entry.get(type);
            String kind = new String(type, StandardCharsets.ISO_8859_1);
            String rest = new String(entry.array(), entry.position(), entry.remaining(), StandardCharsets.ISO_8859_1);
            if (kind.equals("Exif") || (kind.equals("mime") && rest.startsWith("application/rdf+xml"))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Each private item's extents as {file offset, length}, from the item location box. */
    private static List<long[]> extents(ByteBuffer iloc, Set<Long> items, long idat) throws CorruptMedia {
        try {
            return extentsOf(iloc, items, idat);
        } catch (java.nio.BufferUnderflowException e) {
            throw new CorruptMedia("the item locations are cut short");
        }
    }

    private static List<long[]> extentsOf(ByteBuffer iloc, Set<Long> items, long idat) throws CorruptMedia {
        int version = iloc.get(0);
        iloc.position(4);
        int sizes = iloc.get() & 0xFF;
        int more = iloc.get() & 0xFF;
        int offsetSize = sizes >> 4;
        int lengthSize = sizes & 0x0F;
        int baseSize = more >> 4;
        int indexSize = version == 0 ? 0 : more & 0x0F;
        long count = version < 2 ? iloc.getShort() & 0xFFFF : iloc.getInt() & 0xFFFFFFFFL;
        List<long[]> found = new java.util.ArrayList<>();
        long total = 0;
        for (long i = 0; i < count; i++) {
            long id = version < 2 ? iloc.getShort() & 0xFFFF : iloc.getInt() & 0xFFFFFFFFL;
            int method = version == 0 ? 0 : iloc.getShort() & 0x0F;
            iloc.getShort(); // data reference index
            long base = number(iloc, baseSize);
            int extents = iloc.getShort() & 0xFFFF;
            total += extents;
            if (total > MAX_EXTENTS) {
                throw new CorruptMedia("more than " + MAX_EXTENTS + " item extents");
            }
            for (int e = 0; e < extents; e++) {
                number(iloc, indexSize);
                long offset = base + number(iloc, offsetSize);
                long length = number(iloc, lengthSize);
                if (!items.contains(id)) {
                    continue;
                }
                if (method == 1 && idat >= 0) {
                    offset += idat;
                } else if (method != 0) {
                    throw new CorruptMedia("an item built from other items");
                }
                found.add(new long[] {offset, length});
            }
        }
        return found;
    }

    private static long number(ByteBuffer bytes, int size) throws CorruptMedia {
        return switch (size) {
            case 0 -> 0;
            case 4 -> bytes.getInt() & 0xFFFFFFFFL;
            case 8 -> bytes.getLong();
            default -> throw new CorruptMedia("a field of " + size + " bytes");
        };
    }

    private static ByteBuffer read(IsoBoxes boxes, IsoBoxes.Box box) throws IOException {
        if (box.size() - box.header() > IsoFrames.MAX_BOX) {
            throw new CorruptMedia("box " + box.type() + " is too large");
        }
        return boxes.read(box.payload(), (int) (box.size() - box.header()));
    }
}
