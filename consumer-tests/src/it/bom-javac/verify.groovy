// Compile and run CoreCheck with the JDK's own tools on the classpath Maven resolved through the BOM.
def classpath = new File(basedir, 'target/classpath.txt').text.trim()
def jars = classpath.split(File.pathSeparator).collect { new File(it).name }
assert jars.any { it.startsWith('regshift-core-') }
assert !jars.any { it.startsWith('retrofit-') || it.startsWith('converter-moshi-') }
assert jars.count { it.startsWith('kotlin-stdlib') } == 1
assert jars.count { it.startsWith('okio') } == 1

def bin = new File(System.getProperty('java.home'), 'bin')
def classes = new File(basedir, 'target/javac')
classes.mkdirs()

def run = { List<String> command ->
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0]} failed:\n${output}"
    output
}
run([new File(bin, 'javac').path, '--release', '11', '-cp', classpath, '-d', classes.path, 'src/CoreCheck.java'])
def out = run([new File(bin, 'java').path, '-cp', classes.path + File.pathSeparator + classpath, 'CoreCheck'])
assert out.contains('/accounts/acc-1/devices/registrations/') : out
assert out.contains('id=reg-a&id=reg-b') : out
