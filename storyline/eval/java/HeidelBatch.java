// Runs HeidelTime over many documents in one JVM, for storyline's same-run baseline.
//
// Usage: java -cp HEIDELTIME_JAR HeidelBatch.java CONFIG_PROPS MANIFEST OUT_DIR
// MANIFEST has one line per document: "YYYY-MM-DD<TAB>input path<TAB>output name".
// Each document's TimeML goes to OUT_DIR/<output name>; the last line on stdout is
// "seconds <initialization> <processing>", so startup and tagging are timed apart.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        long ready = System.nanoTime();
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Path out = Path.of(args[2]);
        for (String line : lines) {
            String[] fields = line.split("\t");
            String text = Files.readString(Path.of(fields[1]), StandardCharsets.UTF_8);
            String timeml = tagger.process(text, day.parse(fields[0]));
            Files.writeString(out.resolve(fields[2]), timeml, StandardCharsets.UTF_8);
        }
        long done = System.nanoTime();
        System.out.printf("seconds %.3f %.3f%n", (ready - begin) / 1e9, (done - ready) / 1e9);
    }
}
