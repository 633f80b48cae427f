<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="es_MX">
<context>
    <name>difusor::Tr</name>
    <message>
        <source>No se pudieron leer los permisos de %1: %2</source>
        <translation>Could not read the permissions of %1: %2</translation>
    </message>
    <message>
        <source>No se pudo dejar %1 solo para su dueño: %2</source>
        <translation>Could not make %1 private to its owner: %2</translation>
    </message>
    <message>
        <source>No se pudo crear la carpeta %1: %2</source>
        <translation>Could not create the folder %1: %2</translation>
    </message>
    <message>
        <source>%1 no es una carpeta.</source>
        <translation>%1 is not a folder.</translation>
    </message>
    <message>
        <source>es una carpeta, no un archivo</source>
        <translation>it is a folder, not a file</translation>
    </message>
    <message>
        <source>mide más de %1 MiB</source>
        <translation>it is larger than %1 MiB</translation>
    </message>
    <message>
        <source>No se pudo leer el archivo de llaves conocidas %1 (%2). Sin él no se puede comprobar la llave del servidor %3; no se conectó. Corrija el archivo o sus permisos.</source>
        <translation>Could not read the known hosts file %1 (%2). Without it the key of server %3 cannot be verified; not connected. Fix the file or its permissions.</translation>
    </message>
    <message>
        <source>; solo la velocidad negociada de la tarjeta, no se midió el caudal: un enlace de subida más lento detrás de ella no se ve aquí</source>
        <translation>; only the card&apos;s negotiated speed, the throughput was not measured: a slower uplink behind it does not show here</translation>
    </message>
    <message>
        <source>Revise de nuevo para medir el caudal desde la consola, o confirme con el proveedor que el servidor tiene %1 Mb/s simétricos.</source>
        <translation>Check again to measure the throughput from the console, or confirm with the provider that the server has %1 Mb/s symmetric.</translation>
    </message>
    <message>
        <source>error %1 del llavero</source>
        <translation>keychain error %1</translation>
    </message>
    <message>
        <source>este equipo no tiene llavero del sistema</source>
        <translation>this computer has no system keychain</translation>
    </message>
    <message>
        <source>Una atestación necesita la verificación y quién la hace.</source>
        <translation>An attestation needs the check and who makes it.</translation>
    </message>
    <message>
        <source>No se pudieron leer las atestaciones %1: %2</source>
        <translation>Could not read the attestations %1: %2</translation>
    </message>
    <message>
        <source>El archivo de atestaciones %1 no es JSON válido.</source>
        <translation>The attestations file %1 is not valid JSON.</translation>
    </message>
    <message>
        <source>No se pudieron escribir las atestaciones %1: %2</source>
        <translation>Could not write the attestations %1: %2</translation>
    </message>
    <message>
        <source>No se pudieron guardar las atestaciones %1: %2</source>
        <translation>Could not save the attestations %1: %2</translation>
    </message>
    <message>
        <source>CUMPLE</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>ADVERTENCIA</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>NO CUMPLE</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>DESCONOCIDO</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>OMITIDO</source>
        <translation>SKIPPED</translation>
    </message>
    <message>
        <source>≥ %1 núcleos (CPU lógicas)</source>
        <translation>≥ %1 cores (logical CPUs)</translation>
    </message>
    <message>
        <source>no se pudo leer el número de CPU: %1</source>
        <translation>could not read the number of CPUs: %1</translation>
    </message>
    <message>
        <source>Verifique que el servidor tenga coreutils (nproc) y util-linux (lscpu).</source>
        <translation>Check that the server has coreutils (nproc) and util-linux (lscpu).</translation>
    </message>
    <message>
        <source>, limitadas a %1 por el cgroup (cpu.max)</source>
        <translation>, limited to %1 by the cgroup (cpu.max)</translation>
    </message>
    <message>
        <source>Asigne al menos %1 núcleos al servidor (plan del proveedor o configuración de la VM).</source>
        <translation>Assign at least %1 cores to the server (provider plan or VM settings).</translation>
    </message>
    <message>
        <source>≥ %1 MHz</source>
        <translation>≥ %1 MHz</translation>
    </message>
    <message>
        <source>nombre del modelo</source>
        <translation>model name</translation>
    </message>
    <message>
        <source>frecuencia actual (/proc/cpuinfo)</source>
        <translation>current frequency (/proc/cpuinfo)</translation>
    </message>
    <message>
        <source>el servidor no informa la frecuencia (común en VMs)</source>
        <translation>the server does not report the frequency (common in VMs)</translation>
    </message>
    <message>
        <source>Consulte la frecuencia de los vCPU con su proveedor.</source>
        <translation>Ask your provider for the vCPU frequency.</translation>
    </message>
    <message>
        <source>%1 MHz según %2</source>
        <translation>%1 MHz according to %2</translation>
    </message>
    <message>
        <source> (estimado)</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <source>La frecuencia actual es baja; confirme la frecuencia máxima con su proveedor.</source>
        <translation>The current frequency is low; confirm the maximum frequency with your provider.</translation>
    </message>
    <message>
        <source>Use procesadores de %1 MHz o más.</source>
        <translation>Use processors of %1 MHz or more.</translation>
    </message>
    <message>
        <source>%1 GB (MemTotal ≥ %2)</source>
        <translation>%1 GB (MemTotal ≥ %2)</translation>
    </message>
    <message>
        <source>MemTotal no aparece en /proc/meminfo</source>
        <translation>MemTotal is missing from /proc/meminfo</translation>
    </message>
    <message>
        <source>%1 (MemTotal %2 kB)</source>
        <translation>%1 (MemTotal %2 kB)</translation>
    </message>
    <message>
        <source>Amplíe la memoria del servidor a %1 GB o más.</source>
        <translation>Increase the server&apos;s memory to %1 GB or more.</translation>
    </message>
    <message>
        <source>%1 GB para los datos de Docker (sistema de archivos ≥ %2)</source>
        <translation>%1 GB for Docker&apos;s data (file system ≥ %2)</translation>
    </message>
    <message>
        <source>no se entendió la salida de df</source>
        <translation>could not understand the output of df</translation>
    </message>
    <message>
        <source>%1 en %2 (%3), %4 libres</source>
        <translation>%1 on %2 (%3), %4 free</translation>
    </message>
    <message>
        <source>Amplíe el disco que guarda los datos de Docker a %1 GB o más.</source>
        <translation>Grow the disk holding Docker&apos;s data to %1 GB or more.</translation>
    </message>
    <message>
        <source>disco de estado sólido (ROTA = 0)</source>
        <translation>solid-state disk (ROTA = 0)</translation>
    </message>
    <message>
        <source>no se encontró el disco</source>
        <translation>disk not found</translation>
    </message>
    <message>
        <source> (todos los discos: no se pudo ubicar el que guarda los datos)</source>
        <translation> (all disks: could not tell which one holds the data)</translation>
    </message>
    <message>
        <source>Mueva los datos de Docker a un disco de estado sólido.</source>
        <translation>Move Docker&apos;s data to a solid-state disk.</translation>
    </message>
    <message>
        <source>; un disco virtual (virtio) informa ROTA=1 aunque esté en SSD</source>
        <translation>; a virtual disk (virtio) reports ROTA=1 even on SSD</translation>
    </message>
    <message>
        <source>Confirme con su proveedor que el almacenamiento es SSD y registre una atestación.</source>
        <translation>Confirm with your provider that the storage is SSD and record an attestation.</translation>
    </message>
    <message>
        <source>opcional: redundancia de energía y climatización (atestación)</source>
        <translation>optional: redundant power and cooling (attestation)</translation>
    </message>
    <message>
        <source>sin atestación registrada</source>
        <translation>no attestation recorded</translation>
    </message>
    <message>
        <source>Si el centro de datos cuenta con energía y climatización redundantes, registre una atestación.</source>
        <translation>If the data centre has redundant power and cooling, record an attestation.</translation>
    </message>
    <message>
        <source>Opcional: considere UPS/planta de energía y climatización redundantes.</source>
        <translation>Optional: consider a UPS/generator and redundant cooling.</translation>
    </message>
    <message>
        <source>%1: sin respuesta</source>
        <translation>%1: no answer</translation>
    </message>
    <message>
        <source>%1 requiere root (%2)</source>
        <translation>%1 needs root (%2)</translation>
    </message>
    <message>
        <source>%1 no está instalado</source>
        <translation>%1 is not installed</translation>
    </message>
    <message>
        <source>%1 falló (%2)</source>
        <translation>%1 failed (%2)</translation>
    </message>
    <message>
        <source>%1 acepta conexiones desde la consola</source>
        <translation>%1 accepts connections from the console</translation>
    </message>
    <message>
        <source>%1 rechaza la conexión (nada escucha)</source>
        <translation>%1 refuses the connection (nothing listens)</translation>
    </message>
    <message>
        <source>%1 no responde (filtrado)</source>
        <translation>%1 does not answer (filtered)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cualquier origen</source>
        <translation>any source</translation>
    </message>
    <message>
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>≥ %1 Mb/s simétricos</source>
        <translation>≥ %1 Mb/s symmetric</translation>
    </message>
    <message>
        <source>enlace %1 %2 Mb/s</source>
        <translation>link %1 %2 Mb/s</translation>
    </message>
    <message>
        <source>velocidad del enlace %1 desconocida (-1)</source>
        <translation>link speed of %1 unknown (-1)</translation>
    </message>
    <message>
        <source>medido desde la consola: ↑ %1 Mb/s, ↓ %2 Mb/s (indicativo)</source>
        <translation>measured from the console: ↑ %1 Mb/s, ↓ %2 Mb/s (indicative)</translation>
    </message>
    <message>
        <source>Contrate un enlace de %1 Mb/s simétricos o más.</source>
        <translation>Get a link of %1 Mb/s symmetric or more.</translation>
    </message>
    <message>
        <source>; la red de la consola puede limitar la medición</source>
        <translation>; the console&apos;s network may limit the measurement</translation>
    </message>
    <message>
        <source>Confirme con el proveedor que el servidor tiene %1 Mb/s simétricos.</source>
        <translation>Confirm with the provider that the server has %1 Mb/s symmetric.</translation>
    </message>
    <message>
        <source>Confirme con el proveedor el ancho de banda contratado.</source>
        <translation>Confirm the contracted bandwidth with the provider.</translation>
    </message>
    <message>
        <source>una dirección IP pública</source>
        <translation>a public IP address</translation>
    </message>
    <message>
        <source>pública en el servidor: %1</source>
        <translation>public on the server: %1</translation>
    </message>
    <message>
        <source>la consola llegó por %1 (pública); el servidor solo tiene %2 (NAT 1:1)</source>
        <translation>the console came in through %1 (public); the server only has %2 (1:1 NAT)</translation>
    </message>
    <message>
        <source>solo direcciones no públicas: %1</source>
        <translation>only non-public addresses: %1</translation>
    </message>
    <message>
        <source>; se llegó por %1</source>
        <translation>; reached through %1</translation>
    </message>
    <message>
        <source>Puede haber NAT 1:1: conecte la consola por la IP pública del servidor para comprobarla.</source>
        <translation>There may be 1:1 NAT: connect the console through the server&apos;s public IP to check it.</translation>
    </message>
    <message>
        <source>TCP %1 abiertos a cualquier origen</source>
        <translation>TCP %1 open to any source</translation>
    </message>
    <message>
        <source>Permita la entrada a TCP %1 desde cualquier origen (p. ej. sudo ufw allow %1/tcp).</source>
        <translation>Allow incoming TCP %1 from any source (e.g. sudo ufw allow %1/tcp).</translation>
    </message>
    <message>
        <source>, pero nada escucha</source>
        <translation>, but nothing listens</translation>
    </message>
    <message>
        <source>El sitio del difusor aún no escucha en %1.</source>
        <translation>The difusor site does not listen on %1 yet.</translation>
    </message>
    <message>
        <source>%1: sin datos</source>
        <translation>%1: no data</translation>
    </message>
    <message>
        <source>Permita a la consola leer las reglas (sudo -n para ufw, iptables-save o nft) o pruebe los puertos desde fuera.</source>
        <translation>Let the console read the rules (sudo -n for ufw, iptables-save or nft) or test the ports from outside.</translation>
    </message>
    <message>
        <source> (reglas no legibles: %1)</source>
        <translation> (rules not readable: %1)</translation>
    </message>
    <message>
        <source> (reglas de %1)</source>
        <translation> (rules of %1)</translation>
    </message>
    <message>
        <source> (ningún firewall activo en el servidor)</source>
        <translation> (no firewall active on the server)</translation>
    </message>
    <message>
        <source>TCP %1 solo desde IP de confianza (%2)</source>
        <translation>TCP %1 only from trusted IPs (%2)</translation>
    </message>
    <message>
        <source>lista vacía</source>
        <translation>empty list</translation>
    </message>
    <message>
        <source>%1: publicado por Docker (evita ufw)</source>
        <translation>%1: published by Docker (bypasses ufw)</translation>
    </message>
    <message>
        <source>Publique el puerto %1 de Docker solo en 127.0.0.1 o filtre en la cadena DOCKER-USER.</source>
        <translation>Publish Docker&apos;s port %1 on 127.0.0.1 only, or filter in the DOCKER-USER chain.</translation>
    </message>
    <message>
        <source>reglas no legibles (%1); %2</source>
        <translation>rules not readable (%1); %2</translation>
    </message>
    <message>
        <source>reglas no legibles: %1</source>
        <translation>rules not readable: %1</translation>
    </message>
    <message>
        <source>Permita sudo -n para ufw/iptables-save/nft al usuario de la consola, o registre una atestación del firewall perimetral.</source>
        <translation>Allow sudo -n for ufw/iptables-save/nft to the console&apos;s user, or record an attestation of the perimeter firewall.</translation>
    </message>
    <message>
        <source> (nada escucha ahora)</source>
        <translation> (nothing listens now)</translation>
    </message>
    <message>
        <source>Limite TCP %1 a las IP de confianza (p. ej. sudo ufw allow from IP to any port %1 proto tcp, y quite la regla abierta).</source>
        <translation>Limit TCP %1 to the trusted IPs (e.g. sudo ufw allow from IP to any port %1 proto tcp, and remove the open rule).</translation>
    </message>
    <message>
        <source>Registre en el perfil las IP de confianza que publique el instituto.</source>
        <translation>Record in the profile the trusted IPs that the institute publishes.</translation>
    </message>
    <message>
        <source> (no son de confianza: %1)</source>
        <translation> (not trusted: %1)</translation>
    </message>
    <message>
        <source>Quite el acceso a TCP %1 de las direcciones que no son de confianza.</source>
        <translation>Remove access to TCP %1 from the addresses that are not trusted.</translation>
    </message>
    <message>
        <source> también para las IP de confianza</source>
        <translation> also for the trusted IPs</translation>
    </message>
    <message>
        <source>Permita TCP %1 desde las IP de confianza.</source>
        <translation>Allow TCP %1 from the trusted IPs.</translation>
    </message>
    <message>
        <source>servicio rsync escuchando en TCP %1</source>
        <translation>rsync service listening on TCP %1</translation>
    </message>
    <message>
        <source> o </source>
        <translation> or </translation>
    </message>
    <message>
        <source>escucha en %1</source>
        <translation>listens on %1</translation>
    </message>
    <message>
        <source>solo escucha en la interfaz local: %1</source>
        <translation>only listens on the local interface: %1</translation>
    </message>
    <message>
        <source>Configure rsync (address en rsyncd.conf) para escuchar en la interfaz pública.</source>
        <translation>Configure rsync (address in rsyncd.conf) to listen on the public interface.</translation>
    </message>
    <message>
        <source>nada escucha en TCP %1</source>
        <translation>nothing listens on TCP %1</translation>
    </message>
    <message>
        <source>Active el servicio rsync (sudo systemctl enable --now rsync) o el contenedor que indique el instituto.</source>
        <translation>Enable the rsync service (sudo systemctl enable --now rsync) or the container the institute specifies.</translation>
    </message>
    <message>
        <source>recomendado: filtro DDoS, WAF y CDN</source>
        <translation>recommended: DDoS filter, WAF and CDN</translation>
    </message>
    <message>
        <source>Recomendado: ponga el portal detrás de un CDN con WAF y protección DDoS.</source>
        <translation>Recommended: put the portal behind a CDN with WAF and DDoS protection.</translation>
    </message>
    <message>
        <source>detectado en las cabeceras del portal: %1</source>
        <translation>detected in the portal&apos;s headers: %1</translation>
    </message>
    <message>
        <source>no detectado en las cabeceras del portal y sin atestación</source>
        <translation>not detected in the portal&apos;s headers and no attestation</translation>
    </message>
    <message>
        <source>Recomendado: ponga el portal detrás de un CDN con WAF y protección DDoS, o registre una atestación.</source>
        <translation>Recommended: put the portal behind a CDN with WAF and DDoS protection, or record an attestation.</translation>
    </message>
    <message>
        <source>URL del portal por HTTPS, certificado válido por más de %1 días</source>
        <translation>portal URL over HTTPS, certificate valid for more than %1 days</translation>
    </message>
    <message>
        <source>el perfil de conexión no define la URL del portal</source>
        <translation>the connection profile does not define the portal URL</translation>
    </message>
    <message>
        <source>Defina la URL del portal (difusor_url) en el perfil de conexión.</source>
        <translation>Set the portal URL (difusor_url) in the connection profile.</translation>
    </message>
    <message>
        <source>%1 no se consultó</source>
        <translation>%1 was not queried</translation>
    </message>
    <message>
        <source>%1 responde HTTP %2 sin HTTPS</source>
        <translation>%1 answers HTTP %2 without HTTPS</translation>
    </message>
    <message>
        <source>Publique el portal por HTTPS (p. ej. certificado de Let&apos;s Encrypt).</source>
        <translation>Publish the portal over HTTPS (e.g. a Let&apos;s Encrypt certificate).</translation>
    </message>
    <message>
        <source>certificado no válido: %1</source>
        <translation>invalid certificate: %1</translation>
    </message>
    <message>
        <source>Instale un certificado válido para el nombre del portal, con su cadena completa.</source>
        <translation>Install a valid certificate for the portal&apos;s name, with its full chain.</translation>
    </message>
    <message>
        <source>%1 no respondió: %2</source>
        <translation>%1 did not answer: %2</translation>
    </message>
    <message>
        <source>Revise que el portal esté publicado y que TCP 443 esté abierto.</source>
        <translation>Check that the portal is published and that TCP 443 is open.</translation>
    </message>
    <message>
        <source>El portal responde con error del servidor; revise el sitio.</source>
        <translation>The portal answers with a server error; check the site.</translation>
    </message>
    <message>
        <source>Renueve el certificado antes de la jornada electoral.</source>
        <translation>Renew the certificate before election day.</translation>
    </message>
    <message>
        <source>ID=%1</source>
        <translation>ID=%1</translation>
    </message>
    <message>
        <source>ID=%1 (recomendada %2)</source>
        <translation>ID=%1 (recommended %2)</translation>
    </message>
    <message>
        <source>/etc/os-release no tiene ID</source>
        <translation>/etc/os-release has no ID</translation>
    </message>
    <message>
        <source>%1 (ID=%2, VERSION_ID=%3)</source>
        <translation>%1 (ID=%2, VERSION_ID=%3)</translation>
    </message>
    <message>
        <source>Se recomienda %1 %2.</source>
        <translation>%1 %2 is recommended.</translation>
    </message>
    <message>
        <source>; derivado de %1</source>
        <translation>; derived from %1</translation>
    </message>
    <message>
        <source>La convocatoria pide un sistema basado en %1; confirme con el instituto.</source>
        <translation>The call asks for a system based on %1; confirm with the institute.</translation>
    </message>
    <message>
        <source>Instale %1 %2 en el servidor.</source>
        <translation>Install %1 %2 on the server.</translation>
    </message>
    <message>
        <source>Docker instalado, servicio activo y versión legible</source>
        <translation>Docker installed, service active and version readable</translation>
    </message>
    <message>
        <source>Docker %1 en ejecución (cliente %2)</source>
        <translation>Docker %1 running (client %2)</translation>
    </message>
    <message>
        <source>no hay orden docker en el servidor</source>
        <translation>there is no docker command on the server</translation>
    </message>
    <message>
        <source>Instale Docker Engine (https://docs.docker.com/engine/install/ubuntu/).</source>
        <translation>Install Docker Engine (https://docs.docker.com/engine/install/ubuntu/).</translation>
    </message>
    <message>
        <source>servicio activo; el usuario no puede usar el socket de Docker (cliente %1)</source>
        <translation>service active; the user cannot use the Docker socket (client %1)</translation>
    </message>
    <message>
        <source>Agregue el usuario de la consola al grupo docker (usermod -aG docker USUARIO) para leer la versión.</source>
        <translation>Add the console&apos;s user to the docker group (usermod -aG docker USER) to read the version.</translation>
    </message>
    <message>
        <source>sin permiso sobre el socket de Docker; estado del servicio: %1</source>
        <translation>no permission on the Docker socket; service state: %1</translation>
    </message>
    <message>
        <source>desconocido</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Agregue el usuario de la consola al grupo docker (usermod -aG docker USUARIO).</source>
        <translation>Add the console&apos;s user to the docker group (usermod -aG docker USER).</translation>
    </message>
    <message>
        <source>cliente %1 instalado; el servicio no responde%2</source>
        <translation>client %1 installed; the service does not answer%2</translation>
    </message>
    <message>
        <source>Inicie Docker: sudo systemctl enable --now docker</source>
        <translation>Start Docker: sudo systemctl enable --now docker</translation>
    </message>
    <message>
        <source>no se entendió la salida de docker version (estado %1)</source>
        <translation>could not understand the output of docker version (status %1)</translation>
    </message>
    <message>
        <source>acceso por SSH (contraseña o llave)</source>
        <translation>SSH access (password or key)</translation>
    </message>
    <message>
        <source>ejecución local: sshd escucha en el puerto 22 (conexión no probada)</source>
        <translation>local run: sshd listens on port 22 (connection not tested)</translation>
    </message>
    <message>
        <source>ejecución local: no se probó una conexión SSH</source>
        <translation>local run: no SSH connection was tested</translation>
    </message>
    <message>
        <source>la consola se conectó como %1</source>
        <translation>the console connected as %1</translation>
    </message>
    <message>
        <source>sin conexión a %1: %2</source>
        <translation>no connection to %1: %2</translation>
    </message>
    <message>
        <source>Revise el servidor, el puerto, el usuario y la llave del perfil de conexión.</source>
        <translation>Check the server, port, user and key of the connection profile.</translation>
    </message>
    <message>
        <source>cliente NTP sincronizado; desfase con la consola &lt; %1 ms</source>
        <translation>NTP client synchronised; offset from the console &lt; %1 ms</translation>
    </message>
    <message>
        <source>; desfase con la consola %1 ms (± %2 ms)</source>
        <translation>; offset from the console %1 ms (± %2 ms)</translation>
    </message>
    <message>
        <source>Instale y active un cliente NTP (sudo apt install chrony) y permita UDP 123 de salida.</source>
        <translation>Install and enable an NTP client (sudo apt install chrony) and allow outgoing UDP 123.</translation>
    </message>
    <message>
        <source>sincronizado (%1)</source>
        <translation>synchronised (%1)</translation>
    </message>
    <message>
        <source>El reloj del servidor difiere del de la consola; verifique ambos relojes.</source>
        <translation>The server&apos;s clock differs from the console&apos;s; check both clocks.</translation>
    </message>
    <message>
        <source>cliente presente sin sincronizar (%1)</source>
        <translation>client present but not synchronised (%1)</translation>
    </message>
    <message>
        <source>Permita UDP 123 de salida y revise los servidores NTP configurados.</source>
        <translation>Allow outgoing UDP 123 and check the configured NTP servers.</translation>
    </message>
    <message>
        <source>no se pudo leer ningún cliente NTP (timedatectl, chronyc, ntpq)</source>
        <translation>could not read any NTP client (timedatectl, chronyc, ntpq)</translation>
    </message>
    <message>
        <source>la sonda no se ejecutó: %1</source>
        <translation>the probe did not run: %1</translation>
    </message>
    <message>
        <source>la sección &quot;%1&quot; no llegó en la salida de la sonda</source>
        <translation>the section &quot;%1&quot; did not arrive in the probe&apos;s output</translation>
    </message>
    <message>
        <source>la salida de &quot;%1&quot; llegó cortada</source>
        <translation>the output of &quot;%1&quot; arrived cut short</translation>
    </message>
    <message>
        <source>la orden &quot;%1&quot; no existe en el servidor</source>
        <translation>the command &quot;%1&quot; does not exist on the server</translation>
    </message>
    <message>
        <source>&quot;%1&quot; excedió el tiempo límite</source>
        <translation>&quot;%1&quot; exceeded the time limit</translation>
    </message>
    <message>
        <source>&quot;%1&quot; terminó con estado %2</source>
        <translation>&quot;%1&quot; ended with status %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no devolvió nada</source>
        <translation>&quot;%1&quot; returned nothing</translation>
    </message>
    <message>
        <source>La sonda no se ejecutó: %1</source>
        <translation>The probe did not run: %1</translation>
    </message>
    <message>
        <source>atestado por %1 el %2: %3</source>
        <translation>attested by %1 on %2: %3</translation>
    </message>
    <message>
        <source>desactivada en el perfil de requisitos</source>
        <translation>disabled in the requirement profile</translation>
    </message>
    <message>
        <source>esta versión no sabe verificar &quot;%1&quot;</source>
        <translation>this version cannot check &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Formato de perfil de requisitos no soportado: %1.</source>
        <translation>Unsupported requirement profile format: %1.</translation>
    </message>
    <message>
        <source>El perfil de requisitos no tiene verificaciones (clave &quot;checks&quot;).</source>
        <translation>The requirement profile has no checks (&quot;checks&quot; key).</translation>
    </message>
    <message>
        <source>El perfil de requisitos tiene demasiadas verificaciones (%1).</source>
        <translation>The requirement profile has too many checks (%1).</translation>
    </message>
    <message>
        <source>Una verificación del perfil no tiene &quot;id&quot;.</source>
        <translation>A check of the profile has no &quot;id&quot;.</translation>
    </message>
    <message>
        <source>La verificación &quot;%1&quot; aparece dos veces.</source>
        <translation>The check &quot;%1&quot; appears twice.</translation>
    </message>
    <message>
        <source>Severidad desconocida &quot;%1&quot; en &quot;%2&quot;.</source>
        <translation>Unknown severity &quot;%1&quot; in &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No se pudo abrir el perfil de requisitos %1: %2</source>
        <translation>Could not open the requirement profile %1: %2</translation>
    </message>
    <message>
        <source>El perfil de requisitos %1 es demasiado grande.</source>
        <translation>The requirement profile %1 is too large.</translation>
    </message>
    <message>
        <source>El perfil de requisitos %1 no es un objeto JSON válido: %2</source>
        <translation>The requirement profile %1 is not a valid JSON object: %2</translation>
    </message>
    <message>
        <source>No se pudo escribir el perfil de requisitos %1: %2</source>
        <translation>Could not write the requirement profile %1: %2</translation>
    </message>
    <message>
        <source>No se pudo guardar el perfil de requisitos %1: %2</source>
        <translation>Could not save the requirement profile %1: %2</translation>
    </message>
    <message>
        <source>Dirección IP de confianza no válida: &quot;%1&quot;.</source>
        <translation>Invalid trusted IP address: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>El perfil no tiene servidor (clave &quot;host&quot;).</source>
        <translation>The profile has no server (&quot;host&quot; key).</translation>
    </message>
    <message>
        <source>Puerto fuera de rango: %1.</source>
        <translation>Port out of range: %1.</translation>
    </message>
    <message>
        <source>Método de autenticación desconocido: &quot;%1&quot;.</source>
        <translation>Unknown authentication method: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Intervalo de cortes no válido: %1 s.</source>
        <translation>Invalid cut interval: %1 s.</translation>
    </message>
    <message>
        <source>No se pudo abrir el perfil %1: %2</source>
        <translation>Could not open the profile %1: %2</translation>
    </message>
    <message>
        <source>El perfil %1 es demasiado grande.</source>
        <translation>The profile %1 is too large.</translation>
    </message>
    <message>
        <source>No se pudo escribir el perfil %1: %2</source>
        <translation>Could not write the profile %1: %2</translation>
    </message>
    <message>
        <source>No se pudo guardar el perfil %1: %2</source>
        <translation>Could not save the profile %1: %2</translation>
    </message>
    <message>
        <source>El archivo está vacío.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>Falta la línea con la fecha y hora del corte.</source>
        <translation>The line with the cut&apos;s date and time is missing.</translation>
    </message>
    <message>
        <source>La línea del corte no se entiende: «%1».</source>
        <translation>The cut line cannot be understood: “%1”.</translation>
    </message>
    <message>
        <source>El archivo mide %1 bytes, más que el límite de %2.</source>
        <translation>The file is %1 bytes, more than the limit of %2.</translation>
    </message>
    <message>
        <source>El archivo no es texto (contiene bytes nulos).</source>
        <translation>The file is not text (it contains null bytes).</translation>
    </message>
    <message>
        <source>Falta la tabla de resumen (ACTAS_ESPERADAS…).</source>
        <translation>The summary table (ACTAS_ESPERADAS…) is missing.</translation>
    </message>
    <message>
        <source>La tabla de resumen no tiene valores.</source>
        <translation>The summary table has no values.</translation>
    </message>
    <message>
        <source>El nombre del paquete «%1» no sigue la forma AAAAMMDD_HHMM_PREP….</source>
        <translation>The package name “%1” does not follow the form YYYYMMDD_HHMM_PREP….</translation>
    </message>
    <message>
        <source>El paquete %1 no coincide con el corte del archivo (%2).</source>
        <translation>The package %1 does not match the file&apos;s cut (%2).</translation>
    </message>
    <message>
        <source>La tabla de resumen tiene %1 encabezados y %2 valores.</source>
        <translation>The summary table has %1 headers and %2 values.</translation>
    </message>
    <message>
        <source>Falta %1 en el resumen.</source>
        <translation>%1 is missing from the summary.</translation>
    </message>
    <message>
        <source>%1 no es un número: «%2».</source>
        <translation>%1 is not a number: “%2”.</translation>
    </message>
    <message>
        <source>El archivo no trae la tabla de casillas.</source>
        <translation>The file does not carry the polling-station table.</translation>
    </message>
    <message>
        <source>Fila con %1 campos en lugar de %2.</source>
        <translation>Row with %1 fields instead of %2.</translation>
    </message>
    <message>
        <source>Se leyeron solo las primeras %1 filas.</source>
        <translation>Only the first %1 rows were read.</translation>
    </message>
    <message>
        <source>Voto no reconocido en %1: «%2».</source>
        <translation>Unrecognised vote in %1: “%2”.</translation>
    </message>
    <message>
        <source>%1 fuera de rango: %2.</source>
        <translation>%1 out of range: %2.</translation>
    </message>
    <message>
        <source>%1 (%2) es mayor que ACTAS_ESPERADAS (%3).</source>
        <translation>%1 (%2) is greater than ACTAS_ESPERADAS (%3).</translation>
    </message>
    <message>
        <source>El archivo trae %1 filas de casilla y ACTAS_REGISTRADAS dice %2.</source>
        <translation>The file carries %1 polling-station rows and ACTAS_REGISTRADAS says %2.</translation>
    </message>
    <message>
        <source>La expresión regular no es válida: %1.</source>
        <translation>The regular expression is not valid: %1.</translation>
    </message>
    <message>
        <source>La página no muestra la hora de corte.</source>
        <translation>The page does not show the cut time.</translation>
    </message>
    <message>
        <source>La hora de corte de la página no se entiende: «%1».</source>
        <translation>The page&apos;s cut time cannot be understood: “%1”.</translation>
    </message>
    <message>
        <source>El JSON no es válido: %1.</source>
        <translation>The JSON is not valid: %1.</translation>
    </message>
    <message>
        <source>El JSON no trae «%1».</source>
        <translation>The JSON does not carry “%1”.</translation>
    </message>
    <message>
        <source>La hora de corte del JSON no se entiende: «%1».</source>
        <translation>The JSON&apos;s cut time cannot be understood: “%1”.</translation>
    </message>
    <message>
        <source>La expresión regular necesita un grupo (?&lt;corte&gt;…) o (?&lt;fecha&gt;…)(?&lt;hora&gt;…).</source>
        <translation>The regular expression needs a group (?&lt;corte&gt;…) or (?&lt;fecha&gt;…)(?&lt;hora&gt;…).</translation>
    </message>
    <message>
        <source>Tipo de regla desconocido: «%1».</source>
        <translation>Unknown rule type: “%1”.</translation>
    </message>
    <message>
        <source>Desfase horario no válido: «%1».</source>
        <translation>Invalid time offset: “%1”.</translation>
    </message>
    <message>
        <source>La respuesta mide %1 bytes, más que el límite.</source>
        <translation>The answer is %1 bytes, more than the limit.</translation>
    </message>
    <message>
        <source>[… salida truncada en %1 bytes]</source>
        <translation>[… output truncated at %1 bytes]</translation>
    </message>
    <message>
        <source>No se encontró el servidor: el nombre no existe en el DNS.</source>
        <translation>Server not found: the name does not exist in DNS.</translation>
    </message>
    <message>
        <source>El servidor rechazó la conexión: nada escucha en ese puerto o un firewall lo bloquea.</source>
        <translation>The server refused the connection: nothing listens on that port or a firewall blocks it.</translation>
    </message>
    <message>
        <source>Se agotó el tiempo de espera.</source>
        <translation>Timed out.</translation>
    </message>
    <message>
        <source>El servidor rechazó la autenticación.</source>
        <translation>The server rejected the authentication.</translation>
    </message>
    <message>
        <source>¡La llave del servidor CAMBIÓ! Puede ser un ataque de intermediario; no se conectó.</source>
        <translation>The server&apos;s key CHANGED! It may be a man-in-the-middle attack; not connected.</translation>
    </message>
    <message>
        <source>No se aceptó la llave del servidor.</source>
        <translation>The server&apos;s key was not accepted.</translation>
    </message>
    <message>
        <source>El servidor rechazó abrir un canal para la orden.</source>
        <translation>The server refused to open a channel for the command.</translation>
    </message>
    <message>
        <source>La orden no existe en el servidor (estado 127).</source>
        <translation>The command does not exist on the server (status 127).</translation>
    </message>
    <message>
        <source>Cancelada.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Se perdió la conexión con el servidor.</source>
        <translation>The connection to the server was lost.</translation>
    </message>
    <message>
        <source>Error al escribir en este equipo.</source>
        <translation>Error writing on this computer.</translation>
    </message>
    <message>
        <source>Error.</source>
        <translation>Error.</translation>
    </message>
    <message>
        <source>La llave del servidor no tiene un formato conocido.</source>
        <translation>The server&apos;s key has an unknown format.</translation>
    </message>
    <message>
        <source>No se pudo escribir %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Desconectado</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Conectando</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Autenticando</source>
        <translation>Authenticating</translation>
    </message>
    <message>
        <source>Conectado</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconectando</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <source>Falló</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Falló la autenticación: %1</source>
        <translation>Authentication failed: %1</translation>
    </message>
    <message>
        <source>ninguno</source>
        <translation>none</translation>
    </message>
    <message>
        <source>(usuario por omisión)</source>
        <translation>(default user)</translation>
    </message>
    <message>
        <source>El servidor rechazó la autenticación de «%1» con %2. Métodos que ofrece: %3.</source>
        <translation>The server rejected the authentication of “%1” with %2. Methods it offers: %3.</translation>
    </message>
    <message>
        <source>No se pudo leer la llave privada %1.</source>
        <translation>Could not read the private key %1.</translation>
    </message>
    <message>
        <source>La llave privada %1 no tiene un formato reconocido (OpenSSH o PEM).</source>
        <translation>The private key %1 has an unrecognised format (OpenSSH or PEM).</translation>
    </message>
    <message>
        <source>llave</source>
        <translation>key</translation>
    </message>
    <message>
        <source>Frase de paso de la llave %1</source>
        <translation>Passphrase of the key %1</translation>
    </message>
    <message>
        <source>el agente SSH</source>
        <translation>the SSH agent</translation>
    </message>
    <message>
        <source>No hay agente SSH en esta sesión (SSH_AUTH_SOCK vacío).</source>
        <translation>There is no SSH agent in this session (SSH_AUTH_SOCK is empty).</translation>
    </message>
    <message>
        <source>contraseña</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Contraseña de %1@%2</source>
        <translation>Password of %1@%2</translation>
    </message>
    <message>
        <source>teclado interactivo</source>
        <translation>keyboard-interactive</translation>
    </message>
    <message>
        <source>Frase de paso incorrecta (3 intentos).</source>
        <translation>Wrong passphrase (3 attempts).</translation>
    </message>
    <message>
        <source>Frase de paso incorrecta. Frase de paso de la llave %1</source>
        <translation>Wrong passphrase. Passphrase of the key %1</translation>
    </message>
    <message>
        <source>Autenticación cancelada por el usuario.</source>
        <translation>Authentication cancelled by the user.</translation>
    </message>
    <message>
        <source>el archivo local %1 tiene menos de %2 bytes</source>
        <translation>the local file %1 has fewer than %2 bytes</translation>
    </message>
    <message>
        <source>No hay conexión con el servidor.</source>
        <translation>There is no connection to the server.</translation>
    </message>
    <message>
        <source>El servidor cerró el canal sin dar el estado de salida.</source>
        <translation>The server closed the channel without giving the exit status.</translation>
    </message>
    <message>
        <source>La orden terminó por la señal %1.</source>
        <translation>The command ended by signal %1.</translation>
    </message>
    <message>
        <source>No se pudo leer %1 en el servidor: %2</source>
        <translation>Could not read %1 on the server: %2</translation>
    </message>
    <message>
        <source>La orden no empezó en %1 s: no hay conexión.</source>
        <translation>The command did not start within %1 s: there is no connection.</translation>
    </message>
    <message>
        <source>El servidor cerró la conexión.</source>
        <translation>The server closed the connection.</translation>
    </message>
    <message>
        <source>La orden no terminó en %1 s y se detuvo.</source>
        <translation>The command did not end within %1 s and was stopped.</translation>
    </message>
    <message>
        <source>Se cerró la conexión con el servidor.</source>
        <translation>The connection to the server was closed.</translation>
    </message>
    <message>
        <source>Desconectado por el usuario.</source>
        <translation>Disconnected by the user.</translation>
    </message>
    <message>
        <source>Desconectado.</source>
        <translation>Disconnected.</translation>
    </message>
    <message>
        <source>No se pudo crear la sesión SSH.</source>
        <translation>Could not create the SSH session.</translation>
    </message>
    <message>
        <source>No se encontró el servidor «%1»: el nombre no existe en el DNS.</source>
        <translation>Server “%1” not found: the name does not exist in DNS.</translation>
    </message>
    <message>
        <source>%1 rechazó la conexión: nada escucha en ese puerto o un firewall lo bloquea.</source>
        <translation>%1 refused the connection: nothing listens on that port or a firewall blocks it.</translation>
    </message>
    <message>
        <source>%1 no respondió en %2 s.</source>
        <translation>%1 did not answer within %2 s.</translation>
    </message>
    <message>
        <source>No se pudo conectar con %1: %2</source>
        <translation>Could not connect to %1: %2</translation>
    </message>
    <message>
        <source>El servidor presentó una llave de tipo desconocido.</source>
        <translation>The server presented a key of an unknown type.</translation>
    </message>
    <message>
        <source>¡LA LLAVE DEL SERVIDOR %1 CAMBIÓ! Registrada: %2. Presentada ahora: %3. Puede ser un ataque de intermediario; no se conectó. Si el cambio es legítimo, borre la entrada vieja de %4.</source>
        <translation>THE KEY OF SERVER %1 CHANGED! On record: %2. Presented now: %3. It may be a man-in-the-middle attack; not connected. If the change is legitimate, remove the old entry from %4.</translation>
    </message>
    <message>
        <source>No se aceptó la llave %1 del servidor.</source>
        <translation>The server&apos;s key %1 was not accepted.</translation>
    </message>
    <message>
        <source>El servidor dejó de responder en %1 ms.</source>
        <translation>The server stopped answering for %1 ms.</translation>
    </message>
    <message>
        <source>No se pudo abrir el registro de eventos %1: %2</source>
        <translation>Could not open the event log %1: %2</translation>
    </message>
    <message>
        <source>No se pudo preparar el vigilante de procesos en %1.</source>
        <translation>Could not prepare the process watchdog in %1.</translation>
    </message>
    <message>
        <source>No se pudo crear la tubería del vigilante de procesos.</source>
        <translation>Could not create the process watchdog&apos;s pipe.</translation>
    </message>
    <message>
        <source>No se pudo crear la carpeta %1.</source>
        <translation>Could not create the folder %1.</translation>
    </message>
    <message>
        <source>Estos servidores del simulador no respondieron a tiempo: %1.</source>
        <translation>These simulator servers did not answer in time: %1.</translation>
    </message>
    <message>
        <source>No se pudo preparar la base de datos (%1): %2</source>
        <translation>Could not prepare the database (%1): %2</translation>
    </message>
    <message>
        <source>La base de datos es de una versión más nueva de la consola (esquema %1).</source>
        <translation>The database is from a newer version of the console (schema %1).</translation>
    </message>
    <message>
        <source>No se pudo abrir %1: %2</source>
        <translation>Could not open %1: %2</translation>
    </message>
    <message>
        <source>La base de datos %1 no admite el modo WAL.</source>
        <translation>The database %1 does not support WAL mode.</translation>
    </message>
    <message>
        <source>La base de datos no está abierta.</source>
        <translation>The database is not open.</translation>
    </message>
    <message>
        <source>Avistamiento no válido.</source>
        <translation>Invalid sighting.</translation>
    </message>
    <message>
        <source>El formato termina con un &apos;%&apos; suelto.</source>
        <translation>The format ends with a stray &apos;%&apos;.</translation>
    </message>
    <message>
        <source>Especificador desconocido en el formato: %%1</source>
        <translation>Unknown specifier in the format: %%1</translation>
    </message>
    <message>
        <source>Dos campos seguidos sin separador en el formato.</source>
        <translation>Two fields in a row without a separator in the format.</translation>
    </message>
    <message>
        <source>El formato no tiene fecha (%x o %d).</source>
        <translation>The format has no date (%x or %d).</translation>
    </message>
    <message>
        <source>No se pudo abrir %1.</source>
        <translation>Could not open %1.</translation>
    </message>
    <message>
        <source>Error al leer %1: %2</source>
        <translation>Error reading %1: %2</translation>
    </message>
    <message>
        <source>--log-format no válido: %1</source>
        <translation>Invalid --log-format: %1</translation>
    </message>
    <message>
        <source>Opción desconocida: %1</source>
        <translation>Unknown option: %1</translation>
    </message>
    <message>
        <source>Indique al menos un archivo de bitácora.</source>
        <translation>Give at least one log file.</translation>
    </message>
    <message>
        <source>Periodo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Hits</translation>
    </message>
    <message>
        <source>Páginas</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Visitas</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Visitantes</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>robots: lista propia</source>
        <translation>robots: our own list</translation>
    </message>
    <message>
        <source>robots: lista de AWStats (%1)</source>
        <translation>robots: AWStats&apos; list (%1)</translation>
    </message>
    <message>
        <source>robots: lista de AWStats %1 (%2)</source>
        <translation>robots: AWStats %1 list (%2)</translation>
    </message>
    <message>
        <source>--robots espera auto, builtin o la ruta de un robots.pm de AWStats.</source>
        <translation>--robots expects auto, builtin or the path of an AWStats robots.pm.</translation>
    </message>
    <message>
        <source>--tz mexico necesita la zona horaria de cada línea (%x o %z en --log-format).</source>
        <translation>--tz mexico needs the time zone of every line (%x or %z in --log-format).</translation>
    </message>
    <message>
        <source>hora: centro de México (%1)</source>
        <translation>time: Central Mexico (%1)</translation>
    </message>
    <message>
        <source>hora: la de la bitácora (%1)</source>
        <translation>time: the log&apos;s own (%1)</translation>
    </message>
    <message>
        <source>No se pudo leer la lista de robots %1: %2</source>
        <translation>Could not read the robot list %1: %2</translation>
    </message>
    <message>
        <source>%1 no es una base de robots de AWStats: no se pudo leer %2.</source>
        <translation>%1 is not an AWStats robot database: could not read %2.</translation>
    </message>
    <message>
        <source>%1 no es una base de robots de AWStats: no tiene patrones.</source>
        <translation>%1 is not an AWStats robot database: it has no patterns.</translation>
    </message>
    <message>
        <source>El nombre del perfil no sirve como nombre de archivo.</source>
        <translation>The profile&apos;s name cannot be used as a file name.</translation>
    </message>
    <message>
        <source>Ya existe un perfil llamado «%1».</source>
        <translation>A profile named “%1” already exists.</translation>
    </message>
    <message>
        <source>No se pudo crear la carpeta de perfiles %1.</source>
        <translation>Could not create the profiles folder %1.</translation>
    </message>
    <message>
        <source>No se pudo borrar el perfil «%1».</source>
        <translation>Could not delete the profile “%1”.</translation>
    </message>
    <message>
        <source>No se pudo borrar el archivo de perfil «%1».</source>
        <translation>Could not delete the profile file “%1”.</translation>
    </message>
    <message>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>URL no válida: %1</source>
        <translation>Invalid URL: %1</translation>
    </message>
    <message>
        <source>sin respuesta</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>Corte retrasado</source>
        <translation>Late cut</translation>
    </message>
    <message>
        <source>Corte omitido</source>
        <translation>Skipped cut</translation>
    </message>
    <message>
        <source>Desfase mayor al permitido</source>
        <translation>Lag over the limit</translation>
    </message>
    <message>
        <source>Sitio con corte viejo</source>
        <translation>Site with an old cut</translation>
    </message>
    <message>
        <source>Corte hacia atrás</source>
        <translation>Cut going backwards</translation>
    </message>
    <message>
        <source>Reloj desfasado</source>
        <translation>Clock offset</translation>
    </message>
    <message>
        <source>Sitio inalcanzable</source>
        <translation>Site unreachable</translation>
    </message>
    <message>
        <source>Error HTTP del sitio</source>
        <translation>Site HTTP error</translation>
    </message>
    <message>
        <source>Problema de certificado</source>
        <translation>Certificate problem</translation>
    </message>
    <message>
        <source>El sitio no muestra el corte</source>
        <translation>The site does not show the cut</translation>
    </message>
    <message>
        <source>El corte %1 tiene hora %2 s en el futuro.</source>
        <translation>The cut %1 has a time %2 s in the future.</translation>
    </message>
    <message>
        <source>El reloj del servidor difiere %1 s del de la consola.</source>
        <translation>The server&apos;s clock differs from the console&apos;s by %1 s.</translation>
    </message>
    <message>
        <source>Llegó el corte %1, más viejo que el más reciente (%2).</source>
        <translation>The cut %1 arrived, older than the most recent one (%2).</translation>
    </message>
    <message>
        <source>El corte %1 trae %2 actas capturadas; el anterior traía %3.</source>
        <translation>The cut %1 carries %2 captured actas; the previous one carried %3.</translation>
    </message>
    <message>
        <source>Faltan %1 corte(s) entre %2 y %3.</source>
        <translation>%1 cut(s) missing between %2 and %3.</translation>
    </message>
    <message>
        <source>No ha llegado un corte nuevo desde %1 (último: %2).</source>
        <translation>No new cut has arrived since %1 (last: %2).</translation>
    </message>
    <message>
        <source>Nuestro sitio mostró el corte %1 %2 s después del PREP oficial.</source>
        <translation>Our site showed the cut %1 %2 s after the official PREP.</translation>
    </message>
    <message>
        <source>El PREP oficial muestra el corte %1 desde %2 y nuestro sitio aún no.</source>
        <translation>The official PREP shows the cut %1 since %2 and our site does not yet.</translation>
    </message>
    <message>
        <source>Nuestro sitio muestra el corte %1 y en disco está el %2 desde %3.</source>
        <translation>Our site shows the cut %1 and the disk has %2 since %3.</translation>
    </message>
    <message>
        <source>No se pudo abrir el canal de control %1: %2</source>
        <translation>Could not open the control channel %1: %2</translation>
    </message>
    <message>
        <source>Petición no válida: %1</source>
        <translation>Invalid request: %1</translation>
    </message>
    <message>
        <source>Falla desconocida: &quot;%1&quot;.</source>
        <translation>Unknown fault: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Los argumentos de la falla no pueden ser negativos.</source>
        <translation>The fault&apos;s arguments cannot be negative.</translation>
    </message>
    <message>
        <source>Falta el tipo de falla.</source>
        <translation>The fault kind is missing.</translation>
    </message>
    <message>
        <source>Argumento desconocido o sin valor: &quot;%1&quot;.</source>
        <translation>Unknown argument or argument without a value: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Valor no válido para %1: &quot;%2&quot;.</source>
        <translation>Invalid value for %1: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Use --copytruncate o --reopen.</source>
        <translation>Use --copytruncate or --reopen.</translation>
    </message>
    <message>
        <source>Argumento desconocido: &quot;%1&quot;.</source>
        <translation>Unknown argument: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Falta el valor de %1.</source>
        <translation>Missing value for %1.</translation>
    </message>
    <message>
        <source>Falta --profile.</source>
        <translation>--profile is missing.</translation>
    </message>
    <message>
        <source>Llave desconocida de %1:%2 (%3 %4). Verifíquela y repita con --trust-new-host-key.</source>
        <translation>Unknown key for %1:%2 (%3 %4). Verify it and run again with --trust-new-host-key.</translation>
    </message>
    <message>
        <source>La verificación excedió %1 s.</source>
        <translation>The check took longer than %1 s.</translation>
    </message>
    <message>
        <source>sin servidor</source>
        <translation>no server</translation>
    </message>
    <message>
        <source>falta el recurso :/scripts/probe.sh</source>
        <translation>the resource :/scripts/probe.sh is missing</translation>
    </message>
    <message>
        <source>la sonda no terminó en %1 s</source>
        <translation>the probe did not finish within %1 s</translation>
    </message>
    <message>
        <source>sin conexión: %1</source>
        <translation>no connection: %1</translation>
    </message>
    <message>
        <source>la sonda terminó con estado %1 sin salida reconocible</source>
        <translation>the probe ended with status %1 and no recognisable output</translation>
    </message>
    <message>
        <source>CPU lógicas: %1</source>
        <translation>Logical CPUs: %1</translation>
    </message>
    <message>
        <source> (núcleos físicos: %1)</source>
        <translation> (physical cores: %1)</translation>
    </message>
    <message>
        <source>HTTP %1; certificado de %2 emitido por %3, vence el %4 (días restantes: %5)</source>
        <translation>HTTP %1; certificate for %2 issued by %3, expires on %4 (days left: %5)</translation>
    </message>
    <message>
        <source>ntpq: ningún par elegido (pares: %1)</source>
        <translation>ntpq: no peer selected (peers: %1)</translation>
    </message>
    <message>
        <source>esperado: %1; actual: %2</source>
        <translation>expected: %1; actual: %2</translation>
    </message>
    <message>
        <source>Verificación de infraestructura de %1 (%2)</source>
        <translation>Infrastructure check of %1 (%2)</translation>
    </message>
    <message>
        <source>Inicio: %1</source>
        <translation>Started: %1</translation>
    </message>
    <message>
        <source>esperado: %1</source>
        <translation>expected: %1</translation>
    </message>
    <message>
        <source>actual:   %1</source>
        <translation>actual:   %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>%1 cumplen, %2 advertencias, %3 no cumplen, %4 desconocidas, %5 omitidas; %6 ms</source>
        <translation>%1 pass, %2 warnings, %3 fail, %4 unknown, %5 skipped; %6 ms</translation>
    </message>
    <message>
        <source>No se pudo guardar el avistamiento del corte.</source>
        <translation>Could not save the cut sighting.</translation>
    </message>
    <message>
        <source>No se pudo guardar el corte.</source>
        <translation>Could not save the cut.</translation>
    </message>
    <message>
        <source>No se pudo guardar el incidente.</source>
        <translation>Could not save the incident.</translation>
    </message>
    <message>
        <source>revisión con stat cada 1 s</source>
        <translation>polling with stat every 1 s</translation>
    </message>
    <message>
        <source>El vigilante de cortes dejó de responder; se reinicia.</source>
        <translation>The cut watcher stopped responding; restarting it.</translation>
    </message>
    <message>
        <source>Sin conexión con el servidor; se reanuda al reconectar.</source>
        <translation>No connection to the server; resumes on reconnect.</translation>
    </message>
    <message>
        <source>Esperando la conexión con el servidor.</source>
        <translation>Waiting for the connection to the server.</translation>
    </message>
    <message>
        <source>El perfil no indica la carpeta de publicación.</source>
        <translation>The profile does not set the publication folder.</translation>
    </message>
    <message>
        <source>Falta el guion del vigilante de cortes.</source>
        <translation>The cut watcher script is missing.</translation>
    </message>
    <message>
        <source>El vigilante de cortes terminó (estado %1).</source>
        <translation>The cut watcher ended (status %1).</translation>
    </message>
    <message>
        <source>No existe la carpeta de publicación %1 en el servidor.</source>
        <translation>The publication folder %1 does not exist on the server.</translation>
    </message>
    <message>
        <source>No se pudo leer el CSV.</source>
        <translation>Could not read the CSV.</translation>
    </message>
    <message>
        <source>El CSV pasa de %1 MiB.</source>
        <translation>The CSV is larger than %1 MiB.</translation>
    </message>
    <message>
        <source>No se pudo leer el CSV: %1</source>
        <translation>Could not read the CSV: %1</translation>
    </message>
    <message>
        <source>Nuestro sitio muestra el corte %1, que no está en disco (el más reciente es %2) ni en el PREP oficial: ¿reloj desfasado en la publicación?</source>
        <translation>Our site shows the cut %1, which is neither on disk (the most recent is %2) nor on the official PREP: is the publication clock off?</translation>
    </message>
    <message>
        <source>Sin respuesta en %1 ms.</source>
        <translation>No answer within %1 ms.</translation>
    </message>
    <message>
        <source>La respuesta es demasiado grande.</source>
        <translation>The answer is too large.</translation>
    </message>
    <message>
        <source>HTTP %1 en %2.</source>
        <translation>HTTP %1 from %2.</translation>
    </message>
    <message>
        <source>No se pudo leer %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>sin medir</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>Corte %1: llegó %2, detectado %3, PREP oficial %4, nuestro sitio %5, retraso %6%7</source>
        <translation>Cut %1: arrived %2, detected %3, official PREP %4, our site %5, lag %6%7</translation>
    </message>
    <message>
        <source>Vigilante de cortes: %1</source>
        <translation>Cut watcher: %1</translation>
    </message>
    <message>
        <source>La orden terminó por una señal.</source>
        <translation>The command ended by a signal.</translation>
    </message>
    <message>
        <source>No se pudo ejecutar /bin/sh: %1</source>
        <translation>Could not run /bin/sh: %1</translation>
    </message>
    <message>
        <source>El servidor no respondió al abrir un canal (%1).</source>
        <translation>The server did not answer when opening a channel (%1).</translation>
    </message>
    <message>
        <source>No se pudo preparar el manejo de señales.</source>
        <translation>Could not set up signal handling.</translation>
    </message>
    <message>
        <source>Señal recibida: deteniendo el simulador…</source>
        <translation>Signal received: stopping the simulator…</translation>
    </message>
    <message>
        <source>Perfil: %1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <source>Sitio del difusor: %1  PREP oficial: %2</source>
        <translation>Difusor site: %1  Official PREP: %2</translation>
    </message>
    <message>
        <source>Simulador detenido en %1 ms.</source>
        <translation>Simulator stopped in %1 ms.</translation>
    </message>
    <message>
        <source>El perfil %1 no es de un simulador en marcha (falta &quot;sandbox_control&quot;).</source>
        <translation>The profile %1 is not from a running simulator (&quot;sandbox_control&quot; is missing).</translation>
    </message>
    <message>
        <source>Una verificación sin servidor o sin hora no se guarda.</source>
        <translation>A check without a server or a time is not saved.</translation>
    </message>
    <message>
        <source>La lectura de la bitácora terminó (estado %1).</source>
        <translation>Reading the log ended (status %1).</translation>
    </message>
    <message>
        <source>Errores 5xx</source>
        <translation>5xx errors</translation>
    </message>
    <message>
        <source>Pico de solicitudes</source>
        <translation>Request spike</translation>
    </message>
    <message>
        <source>Una dirección inunda el sitio</source>
        <translation>One address floods the site</translation>
    </message>
    <message>
        <source>Bitácora de acceso en silencio</source>
        <translation>Access log silent</translation>
    </message>
    <message>
        <source>%1 % de las solicitudes con error 5xx en los últimos %2 s (%3 de %4; umbral %5 %)</source>
        <translation>%1 % of requests failed with 5xx in the last %2 s (%3 of %4; threshold %5 %)</translation>
    </message>
    <message>
        <source>%1 solicitudes/s en los últimos %2 s contra %3/s de base (×%4)</source>
        <translation>%1 requests/s in the last %2 s against a baseline of %3/s (×%4)</translation>
    </message>
    <message>
        <source>%1 hizo %2 de %3 solicitudes (%4 %) en los últimos %5 s</source>
        <translation>%1 made %2 of %3 requests (%4 %) in the last %5 s</translation>
    </message>
    <message>
        <source>Ninguna línea nueva en la bitácora de acceso desde hace %1 s y el sitio responde</source>
        <translation>No new line in the access log for %1 s while the site is answering</translation>
    </message>
    <message>
        <source>&quot;compression&quot; debe ser true o false.</source>
        <translation>&quot;compression&quot; must be true or false.</translation>
    </message>
    <message>
        <source>No se pudo abrir el puerto de métricas %1: ya lo usa otro programa.</source>
        <translation>Could not open the metrics port %1: another program is using it.</translation>
    </message>
    <message>
        <source>No se pudo abrir el puerto de métricas %1: %2</source>
        <translation>Could not open the metrics port %1: %2</translation>
    </message>
    <message>
        <source>Dirección de métricas no válida: «%1». Se espera DIRECCIÓN:PUERTO, [IPv6]:PUERTO o :PUERTO.</source>
        <translation>Invalid metrics address: “%1”. Expected ADDRESS:PORT, [IPv6]:PORT or :PORT.</translation>
    </message>
    <message>
        <source>Puerto de métricas no válido: «%1» (de 0 a 65535).</source>
        <translation>Invalid metrics port: “%1” (0 to 65535).</translation>
    </message>
    <message>
        <source>Dos perfiles se llaman igual (%1): cada servidor necesita su propio nombre.</source>
        <translation>Two profiles have the same name (%1): each server needs a name of its own.</translation>
    </message>
    <message>
        <source>Métricas para Prometheus en http://%1:%2/metrics</source>
        <translation>Metrics for Prometheus at http://%1:%2/metrics</translation>
    </message>
    <message>
        <source>No se pudo registrar el servidor en %1: %2</source>
        <translation>Could not register the server in %1: %2</translation>
    </message>
    <message>
        <source>Ningún servidor elegido: el registro no se guarda.</source>
        <translation>No server selected: the record is not saved.</translation>
    </message>
    <message>
        <source>Un servidor sin perfil o sin llave no se registra.</source>
        <translation>A server without a profile or a host key is not registered.</translation>
    </message>
    <message>
        <source>un texto</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>un número entero</source>
        <translation>an integer</translation>
    </message>
    <message>
        <source>un número</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>true o false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>un objeto</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>un texto o un objeto</source>
        <translation>a string or an object</translation>
    </message>
    <message>
        <source>una lista de textos</source>
        <translation>a list of strings</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>una lista</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>nada</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Clave desconocida en el perfil: &quot;%1&quot;.</source>
        <translation>Unknown key in the profile: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>La clave &quot;%1&quot; del perfil debe ser %2, no %3.</source>
        <translation>The profile key &quot;%1&quot; must be %2, not %3.</translation>
    </message>
    <message>
        <source>El perfil %1 no es JSON válido (posición %2): %3</source>
        <translation>The profile %1 is not valid JSON (offset %2): %3</translation>
    </message>
    <message>
        <source>El perfil %1 debe ser un objeto JSON ({…}), no %2.</source>
        <translation>The profile %1 must be a JSON object ({…}), not %2.</translation>
    </message>
    <message>
        <source>un valor suelto</source>
        <translation>a bare value</translation>
    </message>
    <message>
        <source>No se pudo guardar el paquete ilegible.</source>
        <translation>Could not save the unreadable package.</translation>
    </message>
    <message>
        <source>Paquete de corte ilegible</source>
        <translation>Unreadable cut package</translation>
    </message>
    <message>
        <source>El nombre del paquete no coincide con su corte</source>
        <translation>Package name does not match its cut</translation>
    </message>
    <message>
        <source>De ellos, %1 llegó(aron) ilegible(s): %2.</source>
        <translation>Of those, %1 arrived unreadable: %2.</translation>
    </message>
    <message>
        <source>El paquete %1 (corte %2 según su nombre) no se puede leer: %3</source>
        <translation>Package %1 (cut %2 by its name) cannot be read: %3</translation>
    </message>
    <message>
        <source>El paquete %1 no se puede leer: %2</source>
        <translation>Package %1 cannot be read: %2</translation>
    </message>
    <message>
        <source> (ya estaba en el servidor al iniciar o reconectar)</source>
        <translation> (already on the server when watching started or resumed)</translation>
    </message>
    <message>
        <source>El archivo no tiene forma de CSV del PREP: ninguna línea legible al principio.</source>
        <translation>The file does not look like a PREP CSV: no readable line at its start.</translation>
    </message>
    <message>
        <source>No se pudo guardar el incidente: %1</source>
        <translation>The incident could not be saved: %1</translation>
    </message>
    <message>
        <source>No se guardó la verificación: %1</source>
        <translation>The check was not saved: %1</translation>
    </message>
    <message>
        <source>%1 #%2 %3 (%4)</source>
        <translation>%1 #%2 %3 (%4)</translation>
    </message>
    <message>
        <source>Incidente resuelto: %1, desde %2 hasta %3: %4</source>
        <translation>Incident resolved: %1, from %2 to %3: %4</translation>
    </message>
    <message>
        <source>Incidente abierto: %1, desde %2: %3</source>
        <translation>Incident opened: %1, since %2: %3</translation>
    </message>
    <message>
        <source>Incidente %1 (%2): %3 por %4: %5</source>
        <translation>Incident %1 (%2): %3 by %4: %5</translation>
    </message>
    <message>
        <source>Dejó de cumplirse: %1</source>
        <translation>No longer met: %1</translation>
    </message>
    <message>
        <source>Se esperaba %1; se encontró %2.</source>
        <translation>Expected %1; found %2.</translation>
    </message>
    <message>
        <source>El requisito vuelve a cumplirse.</source>
        <translation>The requirement is met again.</translation>
    </message>
    <message>
        <source>Sin conexión SSH con el servidor desde hace más de %1 s.</source>
        <translation>No SSH connection to the server for more than %1 s.</translation>
    </message>
    <message>
        <source>Sin conexión SSH con el servidor desde hace más de %1 s: %2</source>
        <translation>No SSH connection to the server for more than %1 s: %2</translation>
    </message>
    <message>
        <source>Un requisito dejó de cumplirse</source>
        <translation>A requirement is no longer met</translation>
    </message>
    <message>
        <source>Conexión con el servidor perdida</source>
        <translation>Connection to the server lost</translation>
    </message>
    <message>
        <source>Crítico</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Mayor</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Menor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Abierto</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Reconocido</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Resuelto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Observado de nuevo</source>
        <translation>Observed again</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Silenciado</source>
        <translation>Silenced</translation>
    </message>
    <message>
        <source>Notificado</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>Reabierto</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Gravedad cambiada</source>
        <translation>Severity changed</translation>
    </message>
    <message>
        <source>«Afectó la publicación» cambiado</source>
        <translation>“Affected publication” changed</translation>
    </message>
    <message>
        <source>Causa raíz</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Acciones</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>técnico</source>
        <translation>technician</translation>
    </message>
    <message>
        <source>Un incidente no se guardó: %1</source>
        <translation>An incident was not saved: %1</translation>
    </message>
    <message>
        <source>Sin base de datos para este servidor: el incidente no se guardó.</source>
        <translation>No database for this server: the incident was not saved.</translation>
    </message>
    <message>
        <source>No se volvió a observar desde que la consola reanudó la vigilancia.</source>
        <translation>Not observed again since the console resumed watching.</translation>
    </message>
    <message>
        <source>Sin incidentes.</source>
        <translation>No incidents.</translation>
    </message>
    <message>
        <source>afectó la publicación</source>
        <translation>affected publication</translation>
    </message>
    <message>
        <source>no afectó la publicación</source>
        <translation>did not affect publication</translation>
    </message>
    <message>
        <source>afectación sin determinar</source>
        <translation>effect on publication not determined</translation>
    </message>
    <message>
        <source>inicio %1, detectado %2, reconocido %3, resuelto %4</source>
        <translation>started %1, detected %2, acknowledged %3, resolved %4</translation>
    </message>
    <message>
        <source>detección %1, reconocimiento %2, resolución %3</source>
        <translation>to detect %1, to acknowledge %2, to resolve %3</translation>
    </message>
    <message>
        <source>Horas en tiempo del centro de México (UTC-6).</source>
        <translation>Times in Central Mexico time (UTC-6).</translation>
    </message>
    <message>
        <source>list (predeterminada), ack, resolve, note o silence</source>
        <translation>list (default), ack, resolve, note or silence</translation>
    </message>
    <message>
        <source>Perfil de conexión: sus servidores.</source>
        <translation>Connection profile: its servers.</translation>
    </message>
    <message>
        <source>ARCHIVO</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Base de datos de la consola.</source>
        <translation>The console&apos;s database.</translation>
    </message>
    <message>
        <source>open, acknowledged, resolved, unresolved o all.</source>
        <translation>open, acknowledged, resolved, unresolved or all.</translation>
    </message>
    <message>
        <source>ESTADO</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>Desde (ISO 8601; sin zona: UTC).</source>
        <translation>Since (ISO 8601; without a zone: UTC).</translation>
    </message>
    <message>
        <source>FECHA</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Solo este tipo (late_cut, lag, …).</source>
        <translation>Only this kind (late_cut, lag, …).</translation>
    </message>
    <message>
        <source>TIPO</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>Solo esta gravedad (critical, major, minor).</source>
        <translation>Only this severity (critical, major, minor).</translation>
    </message>
    <message>
        <source>GRAVEDAD</source>
        <translation>SEVERITY</translation>
    </message>
    <message>
        <source>json, csv o text.</source>
        <translation>json, csv or text.</translation>
    </message>
    <message>
        <source>FORMATO</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>La nota (o el motivo, al silenciar).</source>
        <translation>The note (or the reason, when silencing).</translation>
    </message>
    <message>
        <source>TEXTO</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Quién (predeterminado: el usuario).</source>
        <translation>Who (default: the login name).</translation>
    </message>
    <message>
        <source>NOMBRE</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Falta --profile o --store.</source>
        <translation>--profile or --store is missing.</translation>
    </message>
    <message>
        <source>No existe la base de datos %1.</source>
        <translation>The database %1 does not exist.</translation>
    </message>
    <message>
        <source>La base %1 no tiene registros del perfil «%2».</source>
        <translation>The database %1 has no records of the profile “%2”.</translation>
    </message>
    <message>
        <source>Argumento de más: %1</source>
        <translation>Extra argument: %1</translation>
    </message>
    <message>
        <source>Estado desconocido: %1 (open, acknowledged, resolved, unresolved o all).</source>
        <translation>Unknown state: %1 (open, acknowledged, resolved, unresolved or all).</translation>
    </message>
    <message>
        <source>Fecha no válida: %1 (ISO 8601, p. ej. 2024-06-02T18:00:00-06:00).</source>
        <translation>Invalid date: %1 (ISO 8601, e.g. 2024-06-02T18:00:00-06:00).</translation>
    </message>
    <message>
        <source>Gravedad desconocida: %1 (critical, major o minor).</source>
        <translation>Unknown severity: %1 (critical, major or minor).</translation>
    </message>
    <message>
        <source>Formato desconocido: %1 (json, csv o text).</source>
        <translation>Unknown format: %1 (json, csv or text).</translation>
    </message>
    <message>
        <source>Falta el número del incidente (uno).</source>
        <translation>The incident number is missing (one).</translation>
    </message>
    <message>
        <source>Número de incidente no válido: %1</source>
        <translation>Invalid incident number: %1</translation>
    </message>
    <message>
        <source>Silenciar necesita un motivo: --note &quot;por qué&quot;.</source>
        <translation>Silencing needs a reason: --note &quot;why&quot;.</translation>
    </message>
    <message>
        <source>Hace falta una nota: --note &quot;qué se vio o qué se hizo&quot;.</source>
        <translation>A note is needed: --note &quot;what was seen or done&quot;.</translation>
    </message>
    <message>
        <source>No hay incidente %1 en %2.</source>
        <translation>There is no incident %1 in %2.</translation>
    </message>
    <message>
        <source>Incidente %1: %2 por %3.</source>
        <translation>Incident %1: %2 by %3.</translation>
    </message>
    <message>
        <source>Incidente sin tipo o sin hora de detección.</source>
        <translation>Incident without a kind or a detection time.</translation>
    </message>
    <message>
        <source>El incidente %1 no se pudo leer.</source>
        <translation>Incident %1 could not be read.</translation>
    </message>
    <message>
        <source>La condición terminó.</source>
        <translation>The condition ended.</translation>
    </message>
    <message>
        <source>El silencio termina con ella.</source>
        <translation>The silence ends with it.</translation>
    </message>
    <message>
        <source>(sin nombre)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Silenciar necesita un motivo.</source>
        <translation>Silencing needs a reason.</translation>
    </message>
    <message>
        <source>Hace falta una nota: qué se vio o qué se hizo.</source>
        <translation>A note is needed: what was seen or done.</translation>
    </message>
    <message>
        <source>El incidente %1 no existe en este servidor.</source>
        <translation>Incident %1 does not exist on this server.</translation>
    </message>
    <message>
        <source>El incidente %1 ya estaba reconocido.</source>
        <translation>Incident %1 was already acknowledged.</translation>
    </message>
    <message>
        <source>El incidente %1 ya está resuelto.</source>
        <translation>Incident %1 is already resolved.</translation>
    </message>
    <message>
        <source>El incidente %1 ya está resuelto: no hay nada que silenciar.</source>
        <translation>Incident %1 is already resolved: there is nothing to silence.</translation>
    </message>
    <message>
        <source>El incidente %1 no está resuelto.</source>
        <translation>Incident %1 is not resolved.</translation>
    </message>
    <message>
        <source>«Afectó la publicación» es true, false o null, no %1.</source>
        <translation>“Affected publication” is true, false or null, not %1.</translation>
    </message>
    <message>
        <source>Verifica la infraestructura del servidor contra la convocatoria.</source>
        <translation>Checks the server&apos;s infrastructure against the call for difusores.</translation>
    </message>
    <message>
        <source>Vigila cortes, desfase, incidentes y tráfico de uno o más servidores.</source>
        <translation>Watches cuts, lag, incidents and traffic of one or more servers.</translation>
    </message>
    <message>
        <source>Cuenta el tráfico de bitácoras de acceso de nginx.</source>
        <translation>Counts the traffic of nginx access logs.</translation>
    </message>
    <message>
        <source>Lista los incidentes de la base y los reconoce, resuelve, anota o silencia.</source>
        <translation>Lists the store&apos;s incidents and acknowledges, resolves, annotates or silences them.</translation>
    </message>
    <message>
        <source>Órdenes (difusor-console ORDEN --help describe cada una):</source>
        <translation>Commands (difusor-console COMMAND --help describes each):</translation>
    </message>
    <message>
        <source>[--profile PERFIL.json]… [--demo] [--lang es|en]</source>
        <translation>[--profile PROFILE.json]… [--demo] [--lang es|en]</translation>
    </message>
    <message>
        <source>ORDEN [opciones]</source>
        <translation>COMMAND [options]</translation>
    </message>
    <message>
        <source>Consola de operación para el servidor de un difusor del PREP. Sin orden abre la ventana; con una orden trabaja sin ventana, para scripts y para una segunda pantalla por SSH.</source>
        <translation>Operations console for the server of a PREP difusor. Without a command it opens the window; with a command it works without a window, for scripts and for a second screen over SSH.</translation>
    </message>
    <message>
        <source>La orden va primero: difusor-console %1 [opciones].</source>
        <translation>The command comes first: difusor-console %1 [options].</translation>
    </message>
    <message>
        <source>Orden desconocida: %1</source>
        <translation>Unknown command: %1</translation>
    </message>
    <message>
        <source>El servidor que verificar (obligatoria).</source>
        <translation>The server to check (required).</translation>
    </message>
    <message>
        <source>PERFIL.json</source>
        <translation>PROFILE.json</translation>
    </message>
    <message>
        <source>Un perfil de requisitos propio en lugar del de la convocatoria incluido.</source>
        <translation>A requirement profile of your own instead of the call&apos;s built-in one.</translation>
    </message>
    <message>
        <source>REQUISITOS.json</source>
        <translation>REQUIREMENTS.json</translation>
    </message>
    <message>
        <source>Formato del informe.</source>
        <translation>Report format.</translation>
    </message>
    <message>
        <source>Atestaciones: requisitos que una persona avala donde ninguna sonda puede saberlo.</source>
        <translation>Attestations: requirements a person vouches for where no probe can tell.</translation>
    </message>
    <message>
        <source>ATESTACIONES.json</source>
        <translation>ATTESTATIONS.json</translation>
    </message>
    <message>
        <source>En el formato text, la evidencia bajo cada veredicto (json y junit siempre la llevan).</source>
        <translation>In the text format, the evidence under each verdict (json and junit always carry it).</translation>
    </message>
    <message>
        <source>Escribe el informe en ARCHIVO (0600) en lugar de la salida estándar.</source>
        <translation>Writes the report to FILE (0600) instead of standard output.</translation>
    </message>
    <message>
        <source>Acepta y registra la llave del servidor si aún no está en known_hosts (confianza en el primer uso). Una llave cambiada se rechaza igual.</source>
        <translation>Accepts and records the server&apos;s host key when it is not yet in known_hosts (trust on first use). A changed key is refused all the same.</translation>
    </message>
    <message>
        <source>Omite las mediciones hechas desde esta máquina: la URL del sitio, los puertos abiertos desde fuera, el rendimiento.</source>
        <translation>Skips the measurements made from this machine: the site&apos;s URL, the ports open from outside, the throughput.</translation>
    </message>
    <message>
        <source>Abandona la verificación completa tras S segundos.</source>
        <translation>Gives up the whole check after S seconds.</translation>
    </message>
    <message>
        <source>todos los requisitos se cumplen (con avisos u omitidos)</source>
        <translation>every requirement passes (warnings or skipped allowed)</translation>
    </message>
    <message>
        <source>algún requisito no se cumple o quedó desconocido, o la sonda no pudo correr</source>
        <translation>some requirement fails or stayed unknown, or the probe could not run</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido, un perfil, requisito o atestación ilegible, un --output que no se puede escribir</source>
        <translation>bad input: an unknown option, an invalid value, an unreadable profile, requirement or attestation file, an --output that cannot be written</translation>
    </message>
    <message>
        <source>no se pudo conectar con el servidor (inalcanzable, su llave cambió o no se aceptó, acceso denegado): no se verificó nada y no hay informe</source>
        <translation>the server could not be reached (unreachable, its host key changed or was not accepted, login refused): nothing was checked and there is no report</translation>
    </message>
    <message>
        <source>--profile PERFIL.json [opciones]</source>
        <translation>--profile PROFILE.json [options]</translation>
    </message>
    <message>
        <source>Verifica cada requisito de la convocatoria para difusores en un solo viaje por SSH e imprime cada veredicto (cumple, no cumple, aviso o desconocido) con su evidencia. Un perfil con &quot;host&quot;: &quot;local&quot; verifica esta máquina sin SSH.</source>
        <translation>Checks every requirement of the call for difusores in one SSH round trip and prints each verdict (pass, fail, warning or unknown) with its evidence. A profile with &quot;host&quot;: &quot;local&quot; checks this machine without SSH.</translation>
    </message>
    <message>
        <source>No se verificó ningún requisito.</source>
        <translation>No requirement was checked.</translation>
    </message>
    <message>
        <source>correcto: todo se cumple, o la ejecución terminó como se pidió</source>
        <translation>success: everything passes, or the run ended as asked</translation>
    </message>
    <message>
        <source>una verificación o una expectativa falló</source>
        <translation>a check or an expectation failed</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido, un perfil ilegible</source>
        <translation>bad input: an unknown option, an invalid value, an unreadable profile</translation>
    </message>
    <message>
        <source>no se pudo conectar con el servidor, o se rechazó su llave o el acceso</source>
        <translation>the server could not be reached, or its host key or the login was refused</translation>
    </message>
    <message>
        <source>Idioma de los mensajes: es (español, por omisión) o en (inglés); sin esta opción, DIFUSOR_LANG.</source>
        <translation>Language of the messages: es (Spanish, the default) or en (English); without this option, DIFUSOR_LANG.</translation>
    </message>
    <message>
        <source>Muestra esta ayuda y termina.</source>
        <translation>Shows this help and exits.</translation>
    </message>
    <message>
        <source>Muestra la versión y termina.</source>
        <translation>Shows the version and exits.</translation>
    </message>
    <message>
        <source>Idioma no disponible: %1 (es o en).</source>
        <translation>Language not available: %1 (es or en).</translation>
    </message>
    <message>
        <source>%1 no lleva valor.</source>
        <translation>%1 takes no value.</translation>
    </message>
    <message>
        <source>Valor no válido para %1: «%2» (un número entero, %3 o más).</source>
        <translation>Invalid value for %1: &quot;%2&quot; (a whole number, %3 or more).</translation>
    </message>
    <message>
        <source>Valor no válido para %1: «%2» (un número entero de %3 a %4).</source>
        <translation>Invalid value for %1: &quot;%2&quot; (a whole number from %3 to %4).</translation>
    </message>
    <message>
        <source>Valor no válido para %1: «%2» (un número de %3 a %4).</source>
        <translation>Invalid value for %1: &quot;%2&quot; (a number from %3 to %4).</translation>
    </message>
    <message>
        <source>Valor no válido para %1: «%2» (%3).</source>
        <translation>Invalid value for %1: &quot;%2&quot; (%3).</translation>
    </message>
    <message>
        <source>Uso:</source>
        <translation>Usage:</translation>
    </message>
    <message>
        <source>(Por omisión: %1.)</source>
        <translation>(Default: %1.)</translation>
    </message>
    <message>
        <source>Opciones:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Argumentos:</source>
        <translation>Arguments:</translation>
    </message>
    <message>
        <source>Códigos de salida:</source>
        <translation>Exit codes:</translation>
    </message>
    <message>
        <source>Un servidor que vigilar (obligatoria); más de una vez para varios servidores, cada uno con su propio nombre.</source>
        <translation>A server to watch (required); more than once for several servers, each with a name of its own.</translation>
    </message>
    <message>
        <source>Termina tras S segundos; 0: hasta SIGINT o SIGTERM.</source>
        <translation>Stops after S seconds; 0: until SIGINT or SIGTERM.</translation>
    </message>
    <message>
        <source>Un objeto JSON por línea, o texto.</source>
        <translation>One JSON object per line, or text.</translation>
    </message>
    <message>
        <source>La base SQLite de cortes, avistamientos e incidentes. Por omisión: DIFUSOR_STORE, si no difusor-watch.sqlite en la carpeta de datos.</source>
        <translation>The SQLite store of cuts, sightings and incidents. Default: DIFUSOR_STORE, else difusor-watch.sqlite in the data folder.</translation>
    </message>
    <message>
        <source>Escribe las líneas en ARCHIVO (0600) en lugar de la salida estándar.</source>
        <translation>Writes the lines to FILE (0600) instead of standard output.</translation>
    </message>
    <message>
        <source>Duración de un periodo de tráfico sobre el access log; 0 deja el registro en paz.</source>
        <translation>Length of a traffic period over the access log; 0 leaves the log alone.</translation>
    </message>
    <message>
        <source>Cuánto esperar a que ambos sitios muestren un corte antes de imprimir su línea sin ellos (por omisión: el límite de desfase más 5 s).</source>
        <translation>How long to wait for both sites to show a cut before its line is printed without them (default: the lag limit plus 5 s).</translation>
    </message>
    <message>
        <source>Acepta y registra la llave de un servidor que aún no está en known_hosts. Una llave cambiada se rechaza igual.</source>
        <translation>Accepts and records the host key of a server not yet in known_hosts. A changed key is refused all the same.</translation>
    </message>
    <message>
        <source>Sirve /metrics (OpenMetrics; Prometheus) en esa dirección; &quot;:PUERTO&quot; es 127.0.0.1. El punto no tiene autenticación.</source>
        <translation>Serves /metrics (OpenMetrics; Prometheus) at that address; &quot;:PORT&quot; is 127.0.0.1. The endpoint has no authentication.</translation>
    </message>
    <message>
        <source>DIRECCIÓN:PUERTO</source>
        <translation>ADDRESS:PORT</translation>
    </message>
    <message>
        <source>terminó por --duration o por una señal, y se llegó a cada servidor</source>
        <translation>it ended by --duration or a signal, and every server was reached</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido, un perfil ilegible, dos perfiles con el mismo nombre, un --output que no se puede escribir</source>
        <translation>bad input: an unknown option, an invalid value, an unreadable profile, two profiles with the same name, an --output that cannot be written</translation>
    </message>
    <message>
        <source>no se pudo conectar con algún servidor (inalcanzable, su llave cambió o no se aceptó, acceso denegado); si con ninguno, termina de inmediato</source>
        <translation>some server could not be reached (unreachable, its host key changed or was not accepted, login refused); when none can be, it ends at once</translation>
    </message>
    <message>
        <source>--profile ARCHIVO [--profile ARCHIVO…] [opciones]</source>
        <translation>--profile FILE [--profile FILE…] [options]</translation>
    </message>
    <message>
        <source>Vigila uno o más servidores e imprime, una línea por evento y cada una con el nombre de su servidor, los cortes que llegan (con su desfase frente al PREP oficial), los incidentes y el tráfico de cada periodo. Al terminar imprime lo pendiente y detiene lo que inició en los servidores.</source>
        <translation>Watches one or more servers and prints, one line per event and each naming its server, the cuts that arrive (with their lag against the official PREP), the incidents and the traffic of each period. When it ends it prints what is pending and stops what it started on the servers.</translation>
    </message>
    <message>
        <source>El archivo %1 ya se cerró.</source>
        <translation>The file %1 is already closed.</translation>
    </message>
    <message>
        <source>%1: el SHA-256 de lo recibido (%2) no es el esperado (%3); no se guardó</source>
        <translation>%1: the SHA-256 of what was received (%2) is not the expected one (%3); it was not kept</translation>
    </message>
    <message>
        <source>No se pudo poner %1 en su lugar: %2</source>
        <translation>Could not move %1 into place: %2</translation>
    </message>
    <message>
        <source>la ruta tiene un carácter nulo</source>
        <translation>the path has a null character</translation>
    </message>
    <message>
        <source>la terminación %1 está reservada para archivos a medio escribir</source>
        <translation>the ending %1 is reserved for files being written</translation>
    </message>
    <message>
        <source>%1 existe y no es una carpeta.</source>
        <translation>%1 exists and is not a folder.</translation>
    </message>
    <message>
        <source>%1 no está vacía y no es un paquete de esta consola: elija una carpeta nueva o vacía.</source>
        <translation>%1 is not empty and is not a package of this console: choose a new or empty folder.</translation>
    </message>
    <message>
        <source>No se pudo quitar %1 para reabrir el paquete.</source>
        <translation>Could not remove %1 to reopen the package.</translation>
    </message>
    <message>
        <source>El paquete %1 no está abierto.</source>
        <translation>The package %1 is not open.</translation>
    </message>
    <message>
        <source>Ruta no válida para el paquete: «%1» (%2)</source>
        <translation>Invalid path for the package: “%1” (%2)</translation>
    </message>
    <message>
        <source>No existe el archivo %1.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message>
        <source>data/%1 no lo escribió esta exportación; quítelo o vuelva a agregarlo.</source>
        <translation>data/%1 was not written by this export; remove it or add it again.</translation>
    </message>
    <message>
        <source>data/%1 cambió de tamaño después de escrito (%2 bytes, se escribieron %3).</source>
        <translation>data/%1 changed size after it was written (%2 bytes, %3 were written).</translation>
    </message>
    <message>
        <source>Falta data/%1, que ya se había escrito.</source>
        <translation>data/%1 is missing, although it had been written.</translation>
    </message>
    <message>
        <source>ruta vacía</source>
        <translation>empty path</translation>
    </message>
    <message>
        <source>ruta absoluta</source>
        <translation>absolute path</translation>
    </message>
    <message>
        <source>la ruta sale del paquete («..»)</source>
        <translation>the path leaves the package (“..”)</translation>
    </message>
    <message>
        <source>la ruta tiene partes vacías o «.»</source>
        <translation>the path has empty or “.” parts</translation>
    </message>
    <message>
        <source>bagit.txt empieza con una marca de orden de bytes (BOM), que no se permite</source>
        <translation>bagit.txt starts with a byte order mark (BOM), which is not allowed</translation>
    </message>
    <message>
        <source>bagit.txt no es UTF-8 válido</source>
        <translation>bagit.txt is not valid UTF-8</translation>
    </message>
    <message>
        <source>bagit.txt debe tener exactamente dos líneas (tiene %1)</source>
        <translation>bagit.txt must have exactly two lines (it has %1)</translation>
    </message>
    <message>
        <source>la primera línea de bagit.txt no es «BagIt-Version: M.N»: «%1»</source>
        <translation>the first line of bagit.txt is not “BagIt-Version: M.N”: “%1”</translation>
    </message>
    <message>
        <source>la segunda línea de bagit.txt no es «Tag-File-Character-Encoding: …»: «%1»</source>
        <translation>the second line of bagit.txt is not “Tag-File-Character-Encoding: …”: “%1”</translation>
    </message>
    <message>
        <source>versión de BagIt no admitida: %1.%2 (se admiten 0.93 a 0.97 y 1.0)</source>
        <translation>unsupported BagIt version: %1.%2 (0.93 to 0.97 and 1.0 are supported)</translation>
    </message>
    <message>
        <source>codificación de los archivos de etiquetas no admitida: %1</source>
        <translation>unsupported tag file encoding: %1</translation>
    </message>
    <message>
        <source>no es texto %1 válido</source>
        <translation>is not valid %1 text</translation>
    </message>
    <message>
        <source>la línea %1 continúa un valor, pero no hay uno antes</source>
        <translation>line %1 continues a value, but there is none before it</translation>
    </message>
    <message>
        <source>la línea %1 no es «Etiqueta: valor»: «%2»</source>
        <translation>line %1 is not “Label: value”: “%2”</translation>
    </message>
    <message>
        <source>etiqueta no válida para bag-info.txt: «%1»</source>
        <translation>invalid label for bag-info.txt: “%1”</translation>
    </message>
    <message>
        <source>%1 no existe o no es una carpeta</source>
        <translation>%1 does not exist or is not a folder</translation>
    </message>
    <message>
        <source>el paquete pide descargar archivos (fetch.txt); esta consola no descarga: solo verifica paquetes completos</source>
        <translation>the package asks for files to be downloaded (fetch.txt); this console does not download: it only verifies complete packages</translation>
    </message>
    <message>
        <source>%1 no es un paquete BagIt: falta bagit.txt (es una exportación sin terminar; vuelva a exportar a la misma carpeta para completarla)</source>
        <translation>%1 is not a BagIt package: bagit.txt is missing (it is an unfinished export; export again to the same folder to complete it)</translation>
    </message>
    <message>
        <source>%1 no es un paquete BagIt: falta bagit.txt</source>
        <translation>%1 is not a BagIt package: bagit.txt is missing</translation>
    </message>
    <message>
        <source>no se pudo leer: %1</source>
        <translation>could not be read: %1</translation>
    </message>
    <message>
        <source>algoritmo «%1» no admitido: este manifiesto no se comprobó</source>
        <translation>unsupported algorithm “%1”: this manifest was not checked</translation>
    </message>
    <message>
        <source>ningún manifiesto de datos usa un algoritmo admitido (md5, sha1, sha224, sha256, sha384, sha512)</source>
        <translation>no payload manifest uses a supported algorithm (md5, sha1, sha224, sha256, sha384, sha512)</translation>
    </message>
    <message>
        <source>el paquete no tiene ningún manifiesto de datos (manifest-&lt;algoritmo&gt;.txt)</source>
        <translation>the package has no payload manifest (manifest-&lt;algorithm&gt;.txt)</translation>
    </message>
    <message>
        <source>línea %1 sin ruta: «%2»</source>
        <translation>line %1 has no path: “%2”</translation>
    </message>
    <message>
        <source>línea %1 de %2</source>
        <translation>line %1 of %2</translation>
    </message>
    <message>
        <source>%1: «%2» no es un %3 en hexadecimal</source>
        <translation>%1: “%2” is not a hexadecimal %3</translation>
    </message>
    <message>
        <source>%1: la ruta lleva el «*» de md5sum -b; se aceptó sin él</source>
        <translation>%1: the path carries md5sum -b&apos;s “*”; accepted without it</translation>
    </message>
    <message>
        <source>%1: la ruta empieza con «./»; se aceptó sin ello</source>
        <translation>%1: the path starts with “./”; accepted without it</translation>
    </message>
    <message>
        <source>un manifiesto de datos solo puede nombrar archivos bajo data/</source>
        <translation>a payload manifest may only name files under data/</translation>
    </message>
    <message>
        <source>%1: listado dos veces con la misma suma</source>
        <translation>%1: listed twice with the same checksum</translation>
    </message>
    <message>
        <source>%1: listado dos veces con sumas distintas</source>
        <translation>%1: listed twice with different checksums</translation>
    </message>
    <message>
        <source>falta la carpeta de datos data/</source>
        <translation>the payload folder data/ is missing</translation>
    </message>
    <message>
        <source>es un enlace simbólico: los datos de un paquete deben ser archivos</source>
        <translation>is a symbolic link: a package&apos;s payload must be files</translation>
    </message>
    <message>
        <source>no es un archivo regular (tubería, socket o dispositivo)</source>
        <translation>is not a regular file (pipe, socket or device)</translation>
    </message>
    <message>
        <source>Payload-Oxum «%1» no tiene la forma &lt;bytes&gt;.&lt;archivos&gt;</source>
        <translation>Payload-Oxum “%1” is not of the form &lt;bytes&gt;.&lt;files&gt;</translation>
    </message>
    <message>
        <source>Payload-Oxum dice %1 bytes en %2 archivos; data/ tiene %3 bytes en %4 archivos</source>
        <translation>Payload-Oxum says %1 bytes in %2 files; data/ has %3 bytes in %4 files</translation>
    </message>
    <message>
        <source>está en %1 pero no en el paquete</source>
        <translation>is in %1 but not in the package</translation>
    </message>
    <message>
        <source>en %1 está en otra normalización Unicode que en el disco (%2)</source>
        <translation>in %1 it is in another Unicode normalization than on disk (%2)</translation>
    </message>
    <message>
        <source>%1 lo lista dos veces (con nombres que solo difieren en la normalización), con la misma suma</source>
        <translation>%1 lists it twice (with names that differ only in normalization), with the same checksum</translation>
    </message>
    <message>
        <source>%1 lo lista dos veces con sumas distintas</source>
        <translation>%1 lists it twice with different checksums</translation>
    </message>
    <message>
        <source>archivo de más: no está en ningún manifiesto</source>
        <translation>extra file: it is in no manifest</translation>
    </message>
    <message>
        <source>no está en %1</source>
        <translation>is not in %1</translation>
    </message>
    <message>
        <source>está en %1 pero no es un archivo regular</source>
        <translation>is in %1 but is not a regular file</translation>
    </message>
    <message>
        <source>el %1 no coincide: %2 dice %3, el archivo da %4</source>
        <translation>the %1 does not match: %2 says %3, the file gives %4</translation>
    </message>
    <message>
        <source>verificación cancelada: el paquete no se comprobó completo</source>
        <translation>verification cancelled: the package was not fully checked</translation>
    </message>
    <message>
        <source>aviso: </source>
        <translation>warning: </translation>
    </message>
    <message>
        <source>Verificando: %1 % (%2 de %3, %4 MB/s)</source>
        <translation>Verifying: %1 % (%2 of %3, %4 MB/s)</translation>
    </message>
    <message>
        <source>El paquete %1 es válido (BagIt %2). Archivos de datos: %3 (%4); sumas: %5.</source>
        <translation>The package %1 is valid (BagIt %2). Payload files: %3 (%4); checksums: %5.</translation>
    </message>
    <message>
        <source>El paquete %1 NO es válido. Problemas: %2.</source>
        <translation>The package %1 is NOT valid. Problems: %2.</translation>
    </message>
    <message>
        <source>text o json.</source>
        <translation>text or json.</translation>
    </message>
    <message>
        <source>Formato desconocido: %1 (text o json).</source>
        <translation>Unknown format: %1 (text or json).</translation>
    </message>
    <message>
        <source>Falta la carpeta del paquete.</source>
        <translation>The package&apos;s folder is missing.</translation>
    </message>
    <message>
        <source>Cancelado.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>[list] (--profile ARCHIVO | --store ARCHIVO) [opciones]</source>
        <translation>[list] (--profile FILE | --store FILE) [options]</translation>
    </message>
    <message>
        <source>ack|resolve|note|silence (--profile ARCHIVO | --store ARCHIVO) ID --note TEXTO [--by NOMBRE]</source>
        <translation>ack|resolve|note|silence (--profile FILE | --store FILE) ID --note TEXT [--by NAME]</translation>
    </message>
    <message>
        <source>Incidentes de la consola: la lista (JSON, CSV o texto) y el triaje (reconocer, resolver, anotar, silenciar). La base: --store, si no DIFUSOR_STORE, si no la de la consola.</source>
        <translation>The console&apos;s incidents: the list (JSON, CSV or text) and triage (acknowledge, resolve, annotate, silence). The store: --store, else DIFUSOR_STORE, else the console&apos;s.</translation>
    </message>
    <message>
        <source>ACCIÓN</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>El número del incidente, para ack, resolve, note y silence.</source>
        <translation>The incident&apos;s number, for ack, resolve, note and silence.</translation>
    </message>
    <message>
        <source>la lista se imprimió, o la acción quedó escrita</source>
        <translation>the list was printed, or the action was recorded</translation>
    </message>
    <message>
        <source>acción rechazada (p. ej. ya reconocido) o base no disponible</source>
        <translation>action refused (e.g. already acknowledged) or store not available</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido, un perfil ilegible, un incidente que no existe, una acción sin --note</source>
        <translation>bad input: an unknown option, an invalid value, an unreadable profile, an incident that does not exist, an action without --note</translation>
    </message>
    <message>
        <source>[opciones]</source>
        <translation>[options]</translation>
    </message>
    <message>
        <source>Corre el difusor de prueba por su cuenta, sin privilegios: sshd, nginx y rsync en 127.0.0.1, un publicador que copia un corte nuevo cada intervalo y visitantes simulados. Imprime la verdad de referencia (cada corte y cuándo lo mostró cada sitio) en líneas JSON por la salida estándar y su avance por la de errores; se detiene con SIGINT, SIGTERM o SIGHUP. Necesita ssh-keygen, sshd, nginx y rsync.</source>
        <translation>Runs the sandbox difusor on its own, unprivileged: sshd, nginx and rsync on 127.0.0.1, a publisher that copies a new cut every interval, and simulated visitors. It prints the ground truth (each cut and when each site showed it) as JSON lines on standard output and its progress on standard error; it stops on SIGINT, SIGTERM or SIGHUP. It needs ssh-keygen, sshd, nginx and rsync.</translation>
    </message>
    <message>
        <source>Segundos entre cortes (al menos 1).</source>
        <translation>Seconds between cuts (at least 1).</translation>
    </message>
    <message>
        <source>Se detiene tras S segundos; 0: hasta una señal.</source>
        <translation>Stops after S seconds; 0: until a signal.</translation>
    </message>
    <message>
        <source>Visitantes simulados por segundo; 0 sin visitantes.</source>
        <translation>Simulated visitors per second; 0 for none.</translation>
    </message>
    <message>
        <source>Retraso del envío del PREP oficial a nuestro sitio, en segundos.</source>
        <translation>Delay of the push from the official PREP to our site, in seconds.</translation>
    </message>
    <message>
        <source>Escribe ahí el perfil del simulador (siempre está también en profile.json de su carpeta).</source>
        <translation>Writes the sandbox&apos;s profile there (it is always in profile.json in its folder too).</translation>
    </message>
    <message>
        <source>Conserva la carpeta del simulador al detenerse.</source>
        <translation>Keeps the sandbox&apos;s folder when it stops.</translation>
    </message>
    <message>
        <source>se detuvo por una señal o por --duration</source>
        <translation>it stopped by a signal or by --duration</translation>
    </message>
    <message>
        <source>el simulador no pudo arrancar (falta sshd, nginx o rsync, un puerto ocupado)</source>
        <translation>the sandbox could not start (sshd, nginx or rsync missing, a busy port)</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido</source>
        <translation>bad input: an unknown option, an invalid value</translation>
    </message>
    <message>
        <source>--profile ARCHIVO FALLA [NÚMERO] [opciones]</source>
        <translation>--profile FILE FAULT [NUMBER] [options]</translation>
    </message>
    <message>
        <source>Inyecta una falla en el simulador en marcha de ese perfil: un corte tardío u omitido, el sitio caído, un pico de tráfico, el reloj desfasado, la rotación del registro… (sandbox faults las lista). Cada opción vale para las fallas que la usan; las demás la ignoran.</source>
        <translation>Injects a fault into the running sandbox of that profile: a late or skipped cut, the site down, a traffic spike, a skewed clock, a log rotation… (sandbox faults lists them). Each option applies to the faults that use it; the others ignore it.</translation>
    </message>
    <message>
        <source>El perfil que escribió sandbox run (obligatoria).</source>
        <translation>The profile that sandbox run wrote (required).</translation>
    </message>
    <message>
        <source>Cuánto dura la falla, en segundos.</source>
        <translation>How long the fault lasts, in seconds.</translation>
    </message>
    <message>
        <source>Retraso del corte tardío, en segundos.</source>
        <translation>Delay of the late cut, in seconds.</translation>
    </message>
    <message>
        <source>Cuántas veces se multiplican los visitantes en el pico.</source>
        <translation>How many times the visitors multiply in the spike.</translation>
    </message>
    <message>
        <source>Desfase del reloj en segundos; puede ser negativo.</source>
        <translation>Clock skew in seconds; may be negative.</translation>
    </message>
    <message>
        <source>Rota el registro copiándolo y truncándolo.</source>
        <translation>Rotates the log by copying and truncating it.</translation>
    </message>
    <message>
        <source>Rota el registro renombrándolo y reabriéndolo (por omisión).</source>
        <translation>Rotates the log by renaming and reopening it (the default).</translation>
    </message>
    <message>
        <source>FALLA</source>
        <translation>FAULT</translation>
    </message>
    <message>
        <source>El tipo de falla, p. ej. late_cut, site_down, traffic_spike.</source>
        <translation>The kind of fault, e.g. late_cut, site_down, traffic_spike.</translation>
    </message>
    <message>
        <source>NÚMERO</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>El argumento principal de la falla: un retraso, un factor, un desfase o una duración (p. ej. late_cut 90).</source>
        <translation>The fault&apos;s main argument: a delay, a factor, an offset or a duration (e.g. late_cut 90).</translation>
    </message>
    <message>
        <source>la falla se aplicó</source>
        <translation>the fault was applied</translation>
    </message>
    <message>
        <source>el simulador rechazó la falla</source>
        <translation>the sandbox refused the fault</translation>
    </message>
    <message>
        <source>entrada no válida: una opción o falla desconocida, un valor no válido, un perfil ilegible o que no es de un simulador</source>
        <translation>bad input: an unknown option or fault, an invalid value, a profile that is unreadable or not a sandbox&apos;s</translation>
    </message>
    <message>
        <source>no se pudo hablar con el simulador (no está en marcha)</source>
        <translation>the sandbox could not be reached (it is not running)</translation>
    </message>
    <message>
        <source>Lista las fallas que sandbox fault puede inyectar, sus argumentos y qué hace cada una.</source>
        <translation>Lists the faults that sandbox fault can inject, their arguments and what each does.</translation>
    </message>
    <message>
        <source>la lista se imprimió</source>
        <translation>the list was printed</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un argumento de más</source>
        <translation>bad input: an unknown option, an unexpected argument</translation>
    </message>
    <message>
        <source>run [opciones]</source>
        <translation>run [options]</translation>
    </message>
    <message>
        <source>fault --profile ARCHIVO FALLA [ARGUMENTOS]</source>
        <translation>fault --profile FILE FAULT [ARGUMENTS]</translation>
    </message>
    <message>
        <source>El difusor de prueba: un ensayo con sshd, nginx y rsync reales en 127.0.0.1, un publicador y visitantes simulados, y fallas a pedido.</source>
        <translation>The sandbox difusor: a rehearsal with a real sshd, nginx and rsync on 127.0.0.1, a simulated publisher and visitors, and faults on demand.</translation>
    </message>
    <message>
        <source>Órdenes (sandbox ORDEN --help describe cada una):</source>
        <translation>Commands (sandbox COMMAND --help describes each):</translation>
    </message>
    <message>
        <source>Corre el simulador hasta una señal o --duration.</source>
        <translation>Runs the sandbox until a signal or --duration.</translation>
    </message>
    <message>
        <source>Inyecta una falla en un simulador en marcha.</source>
        <translation>Injects a fault into a running sandbox.</translation>
    </message>
    <message>
        <source>Lista las fallas.</source>
        <translation>Lists the faults.</translation>
    </message>
    <message>
        <source>run: se detuvo por una señal o por --duration; fault: la falla se aplicó</source>
        <translation>run: it stopped by a signal or by --duration; fault: the fault was applied</translation>
    </message>
    <message>
        <source>run: el simulador no pudo arrancar; fault: el simulador rechazó la falla</source>
        <translation>run: the sandbox could not start; fault: the sandbox refused the fault</translation>
    </message>
    <message>
        <source>fault: no se pudo hablar con el simulador (no está en marcha)</source>
        <translation>fault: the sandbox could not be reached (it is not running)</translation>
    </message>
    <message>
        <source>[opciones] ARCHIVO…</source>
        <translation>[options] FILE…</translation>
    </message>
    <message>
        <source>Cuenta solicitudes, páginas, visitas, ancho de banda, clases de estado, las páginas y los visitantes más frecuentes en bitácoras de acceso de nginx, planas o comprimidas con gzip, con las cifras que dan AWStats y GoAccess.</source>
        <translation>Counts hits, pages, visits, bandwidth, status classes, top pages and top visitors in nginx access logs, plain or gzip-compressed, with the figures AWStats and GoAccess give.</translation>
    </message>
    <message>
        <source>awstats cuenta como AWStats (robots aparte, páginas y visitas con sus reglas); raw cuenta cada línea.</source>
        <translation>awstats counts as AWStats does (robots apart, pages and visits by its rules); raw counts every line.</translation>
    </message>
    <message>
        <source>Periodo de cada fila.</source>
        <translation>Period of each row.</translation>
    </message>
    <message>
        <source>Formato de salida.</source>
        <translation>Output format.</translation>
    </message>
    <message>
        <source>El formato de la bitácora cuando no es el combined de nginx.</source>
        <translation>The log&apos;s format when it is not nginx&apos;s combined.</translation>
    </message>
    <message>
        <source>Largo de las listas de los más frecuentes (0 a 10000).</source>
        <translation>Length of the top lists (0 to 10000).</translation>
    </message>
    <message>
        <source>Corta los días con el reloj de la bitácora (como AWStats) o en la hora del centro de México (necesita la zona de cada línea en el formato).</source>
        <translation>Cuts days on the log&apos;s own clock (as AWStats does) or in Central Mexico time (needs each line&apos;s zone in the format).</translation>
    </message>
    <message>
        <source>La lista de robots: auto, la base de AWStats instalada (DIFUSOR_AWSTATS_ROBOTS o su robots.pm) y si no la propia; builtin, la propia; o la ruta de un robots.pm de AWStats.</source>
        <translation>The robot list: auto, the installed AWStats database (DIFUSOR_AWSTATS_ROBOTS or its robots.pm), else ours; builtin, ours; or the path of an AWStats robots.pm.</translation>
    </message>
    <message>
        <source>ARCHIVO…</source>
        <translation>FILE…</translation>
    </message>
    <message>
        <source>Bitácoras de acceso, planas o .gz, leídas una tras otra.</source>
        <translation>Access logs, plain or .gz, read one after the other.</translation>
    </message>
    <message>
        <source>se leyó cada archivo</source>
        <translation>every file was read</translation>
    </message>
    <message>
        <source>algún archivo (o el de --robots) no se pudo leer; los demás se cuentan e imprimen</source>
        <translation>some file (or the --robots file) could not be read; the others are counted and printed</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un valor no válido, ningún archivo</source>
        <translation>bad input: an unknown option, an invalid value, no file</translation>
    </message>
    <message>
        <source>verify [--format text|json] CARPETA</source>
        <translation>verify [--format text|json] FOLDER</translation>
    </message>
    <message>
        <source>CARPETA</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>el perfil de conexión no define %1: no se vigila</source>
        <translation>the connection profile does not set %1: it is not watched</translation>
    </message>
    <message>
        <source>no se pudo revisar %1: %2</source>
        <translation>%1 could not be checked: %2</translation>
    </message>
    <message>
        <source>%1 no existe en el servidor</source>
        <translation>%1 does not exist on the server</translation>
    </message>
    <message>
        <source>Corrija %1 en el perfil de conexión: la ruta no existe para el usuario de SSH.</source>
        <translation>Correct %1 in the connection profile: the path does not exist for the SSH user.</translation>
    </message>
    <message>
        <source>Carpeta de publicación (publication_dir)</source>
        <translation>Publication folder (publication_dir)</translation>
    </message>
    <message>
        <source>una carpeta que el usuario de SSH puede listar</source>
        <translation>a folder the SSH user can list</translation>
    </message>
    <message>
        <source>%1 no es una carpeta</source>
        <translation>%1 is not a folder</translation>
    </message>
    <message>
        <source>publication_dir debe ser la carpeta donde el IEPC deposita los cortes.</source>
        <translation>publication_dir must be the folder where the IEPC drops the cuts.</translation>
    </message>
    <message>
        <source>el usuario de SSH no puede listar %1 (permisos %2, dueño %3)</source>
        <translation>the SSH user may not list %1 (mode %2, owner %3)</translation>
    </message>
    <message>
        <source>Dé permiso de lectura y paso (r-x) sobre la carpeta al usuario de SSH, p. ej. con su grupo.</source>
        <translation>Give the SSH user read and search permission (r-x) on the folder, e.g. through its group.</translation>
    </message>
    <message>
        <source>%1: carpeta legible (permisos %2, dueño %3)</source>
        <translation>%1: readable folder (mode %2, owner %3)</translation>
    </message>
    <message>
        <source>Bitácora de acceso (access_log)</source>
        <translation>Access log (access_log)</translation>
    </message>
    <message>
        <source>un archivo legible por el usuario de SSH, escrito en los últimos %1 min</source>
        <translation>a file readable by the SSH user, written in the last %1 min</translation>
    </message>
    <message>
        <source>%1 es una carpeta, no un archivo</source>
        <translation>%1 is a folder, not a file</translation>
    </message>
    <message>
        <source>%1 no es un archivo regular</source>
        <translation>%1 is not a regular file</translation>
    </message>
    <message>
        <source>access_log debe ser el archivo donde el servidor web del sitio escribe cada solicitud.</source>
        <translation>access_log must be the file where the site&apos;s web server writes every request.</translation>
    </message>
    <message>
        <source>el usuario de SSH no puede leer %1 (permisos %2, dueño %3)</source>
        <translation>the SSH user may not read %1 (mode %2, owner %3)</translation>
    </message>
    <message>
        <source>Dé permiso de lectura al usuario de SSH (p. ej. el grupo adm en Ubuntu).</source>
        <translation>Give the SSH user read permission (e.g. the adm group on Ubuntu).</translation>
    </message>
    <message>
        <source>%1 es legible; no se supo cuándo se escribió</source>
        <translation>%1 is readable; when it was last written is unknown</translation>
    </message>
    <message>
        <source>%1 es legible (%2 bytes) pero no se escribe desde %3 (hace %4 min)</source>
        <translation>%1 is readable (%2 bytes) but has not been written since %3 (%4 min ago)</translation>
    </message>
    <message>
        <source>¿Es la bitácora que escribe el sitio ahora? Revise la ruta (access_log de nginx o Apache) y la rotación.</source>
        <translation>Is it the log the site writes now? Check the path (nginx&apos;s or Apache&apos;s access_log) and the rotation.</translation>
    </message>
    <message>
        <source>%1: archivo legible de %2 bytes, escrito por última vez %3 (hace %4 s)</source>
        <translation>%1: readable file of %2 bytes, last written %3 (%4 s ago)</translation>
    </message>
    <message>
        <source>responde HTTP 2xx o 3xx</source>
        <translation>answers HTTP 2xx or 3xx</translation>
    </message>
    <message>
        <source>Revise %1 en el perfil de conexión y que el sitio esté en línea.</source>
        <translation>Check %1 in the connection profile and that the site is online.</translation>
    </message>
    <message>
        <source>%1 responde HTTP %2</source>
        <translation>%1 answers HTTP %2</translation>
    </message>
    <message>
        <source>Revise %1: la dirección debe ser la página o el archivo que muestra el corte.</source>
        <translation>Check %1: the address must be the page or file that shows the cut.</translation>
    </message>
    <message>
        <source>%1 responde HTTP %2 en %3 ms</source>
        <translation>%1 answers HTTP %2 in %3 ms</translation>
    </message>
    <message>
        <source>URL de nuestro sitio (difusor_url)</source>
        <translation>Our site&apos;s URL (difusor_url)</translation>
    </message>
    <message>
        <source>URL del PREP oficial (official_url)</source>
        <translation>Official PREP URL (official_url)</translation>
    </message>
    <message>
        <source>No se movió %1: ya existe %2. Revise cuál conservar.</source>
        <translation>%1 was not moved: %2 already exists. Check which one to keep.</translation>
    </message>
    <message>
        <source>No se pudo mover %1 a %2.</source>
        <translation>%1 could not be moved to %2.</translation>
    </message>
    <message>
        <source>La carpeta de publicación %1 no es una carpeta en el servidor.</source>
        <translation>The publication folder %1 is not a folder on the server.</translation>
    </message>
    <message>
        <source>El usuario de SSH no puede leer ni entrar en la carpeta de publicación %1.</source>
        <translation>The SSH user may not read or enter the publication folder %1.</translation>
    </message>
    <message>
        <source>No se puede vigilar la carpeta de publicación %1: %2</source>
        <translation>The publication folder %1 cannot be watched: %2</translation>
    </message>
    <message>
        <source>no se pudo abrir la base, registrar un servidor en ella o escuchar en --metrics-listen, o nunca se pudo vigilar publication_dir o access_log de un servidor (una línea &quot;error&quot; dijo por qué)</source>
        <translation>the store could not be opened, a server registered in it or --metrics-listen listened on, or a server&apos;s publication_dir or access_log could never be watched (an &quot;error&quot; line said why)</translation>
    </message>
    <message>
        <source>Tráfico desde %1, %2 s: %3 solicitudes, %4 hits, %5 páginas, %6 visitas, %7</source>
        <translation>Traffic from %1, %2 s: %3 requests, %4 hits, %5 pages, %6 visits, %7</translation>
    </message>
    <message>
        <source>; 4xx %1, 5xx %2; de la consola %3</source>
        <translation>; 4xx %1, 5xx %2; from the console %3</translation>
    </message>
    <message>
        <source> (parcial, hasta %1)</source>
        <translation> (partial, until %1)</translation>
    </message>
    <message>
        <source> (líneas tardías de un periodo ya informado)</source>
        <translation> (late lines of a period already reported)</translation>
    </message>
    <message>
        <source>ERROR %1: %2</source>
        <translation>ERROR %1: %2</translation>
    </message>
    <message>
        <source>Recuperado %1: %2 se vigila de nuevo.</source>
        <translation>Recovered %1: %2 is watched again.</translation>
    </message>
    <message>
        <source>Llave de %1 (%2) aceptada con --trust-new-host-key y guardada en %3.</source>
        <translation>Key of %1 (%2) accepted with --trust-new-host-key and saved in %3.</translation>
    </message>
    <message>
        <source>Llave de %1 (%2) reconocida en %3.</source>
        <translation>Key of %1 (%2) recognised in %3.</translation>
    </message>
    <message>
        <source>Modo: %1. Solicitudes: %2; de robots: %3; de la consola: %4. Líneas mal formadas: %5.</source>
        <translation>Mode: %1. Requests: %2; from robots: %3; from the console: %4. Malformed lines: %5.</translation>
    </message>
    <message>
        <source>Consola: %1 solicitudes de la consola (su sonda de retraso, su verificación), fuera de hits, páginas y visitas.</source>
        <translation>Console: %1 requests from the console (its lag probe, its check), left out of hits, pages and visits.</translation>
    </message>
    <message>
        <source>No existe la bitácora de acceso %1 en el servidor.</source>
        <translation>The access log %1 does not exist on the server.</translation>
    </message>
    <message>
        <source>La bitácora de acceso %1 no es un archivo (¿una carpeta?).</source>
        <translation>The access log %1 is not a file (a folder?).</translation>
    </message>
    <message>
        <source>El usuario de SSH no puede leer la bitácora de acceso %1.</source>
        <translation>The SSH user may not read the access log %1.</translation>
    </message>
    <message>
        <source>No se puede leer la bitácora de acceso %1 (%2).</source>
        <translation>The access log %1 cannot be read (%2).</translation>
    </message>
    <message>
        <source>El difusor de prueba: run, fault, end-faults, faults.</source>
        <translation>The sandbox difusor: run, fault, end-faults, faults.</translation>
    </message>
    <message>
        <source>Simulacros: ensayos con fallas en el simulador, puntuados contra su verdad de referencia.</source>
        <translation>Drills: fault rehearsals on the sandbox, scored against its ground truth.</translation>
    </message>
    <message>
        <source>La consola registra los cortes y no tiene incidentes sin resolver</source>
        <translation>The console records the cuts and has no unresolved incidents</translation>
    </message>
    <message>
        <source>Ensayo con falla: %1</source>
        <translation>Fault rehearsal: %1</translation>
    </message>
    <message>
        <source>Se rota la bitácora de accesos del simulador: la consola debe seguir leyéndola sin abrir ningún incidente.</source>
        <translation>The sandbox&apos;s access log is rotated: the console must keep reading it without opening any incident.</translation>
    </message>
    <message>
        <source>Se inyecta «%1» en el simulador: la consola debe abrir el incidente esperado a tiempo y resolverlo solo cuando la falla termina, sin falsas alarmas.</source>
        <translation>«%1» is injected into the sandbox: the console must open the expected incident in time and resolve it by itself when the fault ends, with no false alarms.</translation>
    </message>
    <message>
        <source>Noche electoral comprimida</source>
        <translation>Election night, compressed</translation>
    </message>
    <message>
        <source>La noche entera en unos 20 minutos: cortes retrasados, omitidos y que retroceden, el sitio caído o desactualizado, errores 5xx, picos de tráfico, un reloj desfasado y una rotación de la bitácora, algunas fallas a la vez. Cada una debe abrir su incidente a tiempo y resolverse sola; ninguna falsa alarma.</source>
        <translation>The whole night in about 20 minutes: late, skipped and backwards cuts, the site down or stale, 5xx errors, traffic spikes, a skewed clock and an access log rotation, some faults at once. Each must open its incident in time and resolve by itself; no false alarm.</translation>
    </message>
    <message>
        <source>No hay un escenario integrado llamado «%1» (%2).</source>
        <translation>There is no built-in scenario named «%1» (%2).</translation>
    </message>
    <message>
        <source>Simulacro %1 «%2» en %3: %4, puntuación %5, %6 s</source>
        <translation>Drill %1 «%2» on %3: %4, score %5, %6 s</translation>
    </message>
    <message>
        <source>Detenido: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>falla %1, detectado %2</source>
        <translation>fault %1, detected %2</translation>
    </message>
    <message>
        <source>[falsa alarma] %1 (%2) detectado %3</source>
        <translation>[false alarm] %1 (%2) detected %3</translation>
    </message>
    <message>
        <source>[--format json|text]</source>
        <translation>[--format json|text]</translation>
    </message>
    <message>
        <source>Los escenarios integrados: uno por falla del simulador y noche_electoral.</source>
        <translation>The built-in scenarios: one per sandbox fault, and noche_electoral.</translation>
    </message>
    <message>
        <source>json o text.</source>
        <translation>json or text.</translation>
    </message>
    <message>
        <source>NOMBRE [--cut-interval S | --profile ARCHIVO]</source>
        <translation>NAME [--cut-interval S | --profile FILE]</translation>
    </message>
    <message>
        <source>Imprime un escenario integrado como experimento de Chaos Toolkit, hecho para el ritmo del simulador (--cut-interval, o el del perfil): el punto de partida de un escenario propio.</source>
        <translation>Prints a built-in scenario as a Chaos Toolkit experiment, made for the sandbox&apos;s pace (--cut-interval, or the profile&apos;s): the starting point of a scenario of your own.</translation>
    </message>
    <message>
        <source>Segundos reales entre cortes del simulador (predeterminado 60).</source>
        <translation>Real seconds between the sandbox&apos;s cuts (default 60).</translation>
    </message>
    <message>
        <source>Un perfil de simulador: su intervalo entre cortes.</source>
        <translation>A sandbox&apos;s profile: its interval between cuts.</translation>
    </message>
    <message>
        <source>El escenario integrado (drill list los nombra).</source>
        <translation>The built-in scenario (drill list names them).</translation>
    </message>
    <message>
        <source>el escenario se imprimió</source>
        <translation>the scenario was printed</translation>
    </message>
    <message>
        <source>entrada no válida: un escenario que no existe, un intervalo no válido</source>
        <translation>bad input: a scenario that does not exist, an invalid interval</translation>
    </message>
    <message>
        <source>Falta el nombre del escenario (uno).</source>
        <translation>Missing the scenario&apos;s name (one).</translation>
    </message>
    <message>
        <source>--profile ARCHIVO --scenario NOMBRE|ARCHIVO [--format json|text] [--operator NOMBRE] [--store ARCHIVO]</source>
        <translation>--profile FILE --scenario NAME|FILE [--format json|text] [--operator NAME] [--store FILE]</translation>
    </message>
    <message>
        <source>Corre un ensayo con fallas en el simulador: vigila el servidor como watch, comprueba el estado estable, inyecta las fallas, juzga cada expectativa contra la verdad de referencia y corre siempre las reversiones (al final, al abortar, ante un error o una señal). Imprime el diario (forma de Chaos Toolkit, con score, expectations y false_positives); el avance va a stderr. La base: --store, si no DIFUSOR_STORE, si no la de la consola.</source>
        <translation>Runs a fault rehearsal on the sandbox: watches the server as watch does, checks the steady state, injects the faults, judges each expectation against the ground truth and always runs the rollbacks (at the end, on an abort, on an error or a signal). Prints the journal (Chaos Toolkit&apos;s shape, with score, expectations and false_positives); progress goes to stderr. The store: --store, else DIFUSOR_STORE, else the console&apos;s.</translation>
    </message>
    <message>
        <source>Perfil de conexión (debe ser de un simulador).</source>
        <translation>Connection profile (must be a sandbox&apos;s).</translation>
    </message>
    <message>
        <source>Escenario: un nombre integrado o un archivo.</source>
        <translation>Scenario: a built-in name or a file.</translation>
    </message>
    <message>
        <source>NOMBRE|ARCHIVO</source>
        <translation>NAME|FILE</translation>
    </message>
    <message>
        <source>Quién conduce el simulacro (predeterminado: el usuario).</source>
        <translation>Who runs the drill (default: the user).</translation>
    </message>
    <message>
        <source>todo lo esperado se cumplió, sin falsas alarmas</source>
        <translation>everything expected happened, no false alarms</translation>
    </message>
    <message>
        <source>el simulacro corrió y algo no se cumplió (o se abortó, o no se pudo guardar)</source>
        <translation>the drill ran and something did not pass (or it was aborted, or could not be saved)</translation>
    </message>
    <message>
        <source>entrada no válida o rechazo: un escenario no válido, un escenario con fallas en un perfil que no es de un simulador (nada se ejecutó)</source>
        <translation>bad input or refused: an invalid scenario, a fault scenario on a profile that is not a sandbox&apos;s (nothing was run)</translation>
    </message>
    <message>
        <source>Falta --scenario (un nombre integrado o un archivo).</source>
        <translation>Missing --scenario (a built-in name or a file).</translation>
    </message>
    <message>
        <source>«%1» no es un escenario integrado (%2) ni un archivo.</source>
        <translation>«%1» is neither a built-in scenario (%2) nor a file.</translation>
    </message>
    <message>
        <source>El escenario %1 no es válido:</source>
        <translation>Scenario %1 is not valid:</translation>
    </message>
    <message>
        <source>señal recibida</source>
        <translation>signal received</translation>
    </message>
    <message>
        <source>list [--format json|text]</source>
        <translation>list [--format json|text]</translation>
    </message>
    <message>
        <source>show NOMBRE [--cut-interval S]</source>
        <translation>show NAME [--cut-interval S]</translation>
    </message>
    <message>
        <source>run --profile ARCHIVO --scenario NOMBRE|ARCHIVO [opciones]</source>
        <translation>run --profile FILE --scenario NAME|FILE [options]</translation>
    </message>
    <message>
        <source>Órdenes (drill ORDEN --help describe cada una):</source>
        <translation>Commands (drill COMMAND --help describes each):</translation>
    </message>
    <message>
        <source>Lista los escenarios integrados.</source>
        <translation>Lists the built-in scenarios.</translation>
    </message>
    <message>
        <source>Imprime un escenario integrado como archivo de Chaos Toolkit.</source>
        <translation>Prints a built-in scenario as a Chaos Toolkit file.</translation>
    </message>
    <message>
        <source>Corre un escenario en el simulador y lo puntúa.</source>
        <translation>Runs a scenario on the sandbox and scores it.</translation>
    </message>
    <message>
        <source>run: todo lo esperado se cumplió; list, show: se imprimió</source>
        <translation>run: everything expected happened; list, show: printed</translation>
    </message>
    <message>
        <source>run: el simulacro corrió y algo no se cumplió</source>
        <translation>run: the drill ran and something did not pass</translation>
    </message>
    <message>
        <source>entrada no válida o rechazo (nada se ejecutó)</source>
        <translation>bad input or refused (nothing was run)</translation>
    </message>
    <message>
        <source>Se alcanzó la duración máxima del simulacro (%1 s).</source>
        <translation>The drill&apos;s maximum duration was reached (%1 s).</translation>
    </message>
    <message>
        <source>El perfil «%1» no es de un simulador (no tiene verdad de referencia ni canal de control): un ensayo con fallas solo corre en el simulador. No se hizo nada.</source>
        <translation>Profile «%1» is not a sandbox&apos;s (it has no ground truth and no control channel): a fault rehearsal runs only on the sandbox. Nothing was done.</translation>
    </message>
    <message>
        <source>No existe la verdad de referencia %1 del perfil «%2»: ¿está en marcha el simulador? No se hizo nada.</source>
        <translation>Ground truth %1 of profile «%2» does not exist: is the sandbox running? Nothing was done.</translation>
    </message>
    <message>
        <source>Conectando con %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>No se pudo registrar el simulacro en la base: %1</source>
        <translation>Could not record the drill in the database: %1</translation>
    </message>
    <message>
        <source>Observando %1 s antes de empezar (la línea base del tráfico)…</source>
        <translation>Watching for %1 s before starting (the traffic baseline)…</translation>
    </message>
    <message>
        <source>Comprobando el estado estable antes de las fallas…</source>
        <translation>Checking the steady state before the faults…</translation>
    </message>
    <message>
        <source>Comprobando que todo volvió al estado estable…</source>
        <translation>Checking that everything is back to the steady state…</translation>
    </message>
    <message>
        <source>El estado estable no se cumplió antes de las fallas (%1 s de espera): no se inyectó nada.</source>
        <translation>The steady state did not hold before the faults (%1 s of waiting): nothing was injected.</translation>
    </message>
    <message>
        <source>Estado estable. Empieza el método: %1 pasos.</source>
        <translation>Steady state. The method starts: %1 steps.</translation>
    </message>
    <message>
        <source>El estado estable no volvió después de las fallas.</source>
        <translation>The steady state did not come back after the faults.</translation>
    </message>
    <message>
        <source>Reversiones…</source>
        <translation>Rollbacks…</translation>
    </message>
    <message>
        <source>Falla «%1» (%2).</source>
        <translation>Fault «%1» (%2).</translation>
    </message>
    <message>
        <source>No se pudo leer la base.</source>
        <translation>Could not read the database.</translation>
    </message>
    <message>
        <source>Pausa de %1 s.</source>
        <translation>Pause of %1 s.</translation>
    </message>
    <message>
        <source>Esperando lo esperado (%1 expectativas) y el fin de las fallas.</source>
        <translation>Waiting for what is expected (%1 expectations) and for the faults to end.</translation>
    </message>
    <message>
        <source>Reversión «%1».</source>
        <translation>Rollback «%1».</translation>
    </message>
    <message>
        <source>Simulacro detenido: %1</source>
        <translation>Drill stopped: %1</translation>
    </message>
    <message>
        <source>cancelado por el técnico</source>
        <translation>cancelled by the technician</translation>
    </message>
    <message>
        <source>sin decidir al terminar</source>
        <translation>undecided at the end</translation>
    </message>
    <message>
        <source>el simulacro terminó antes</source>
        <translation>the drill ended first</translation>
    </message>
    <message>
        <source>Guardando el simulacro…</source>
        <translation>Saving the drill…</translation>
    </message>
    <message>
        <source>No se guardó el diario del simulacro: %1</source>
        <translation>The drill&apos;s journal was not saved: %1</translation>
    </message>
    <message>
        <source>No se ligó el incidente %1 al simulacro %2: %3</source>
        <translation>Incident %1 was not linked to drill %2: %3</translation>
    </message>
    <message>
        <source>Incidente abierto: %1 (%2).</source>
        <translation>Incident opened: %1 (%2).</translation>
    </message>
    <message>
        <source>se abrió un incidente prohibido: %1 (%2)</source>
        <translation>a forbidden incident opened: %1 (%2)</translation>
    </message>
    <message>
        <source>Cumplida: %1 — %2</source>
        <translation>Met: %1 — %2</translation>
    </message>
    <message>
        <source>No cumplida: %1 — %2</source>
        <translation>Not met: %1 — %2</translation>
    </message>
    <message>
        <source>la falla «%1» no se inyectó</source>
        <translation>fault «%1» was not injected</translation>
    </message>
    <message>
        <source>la falla no se inyectó: %1</source>
        <translation>the fault was not injected: %1</translation>
    </message>
    <message>
        <source>el simulador no registró el inicio de la falla</source>
        <translation>the sandbox did not record the fault&apos;s start</translation>
    </message>
    <message>
        <source>se abrió %1 a los %2 s de la falla</source>
        <translation>%1 opened %2 s after the fault</translation>
    </message>
    <message>
        <source>ningún %1 en %2 s</source>
        <translation>no %1 in %2 s</translation>
    </message>
    <message>
        <source>ningún incidente %1 en %2 s desde el inicio de la falla</source>
        <translation>no %1 incident within %2 s of the fault&apos;s start</translation>
    </message>
    <message>
        <source>detectado a los %1 s (límite %2 s)</source>
        <translation>detected after %1 s (limit %2 s)</translation>
    </message>
    <message>
        <source>detectado a los %1 s</source>
        <translation>detected after %1 s</translation>
    </message>
    <message>
        <source>detectado a los %1 s, resuelto %2 s después del fin de la falla</source>
        <translation>detected after %1 s, resolved %2 s after the fault ended</translation>
    </message>
    <message>
        <source>resuelto %1 s después del fin de la falla (límite %2 s)</source>
        <translation>resolved %1 s after the fault ended (limit %2 s)</translation>
    </message>
    <message>
        <source>sin resolver %1 s después del fin de la falla</source>
        <translation>unresolved %1 s after the fault ended</translation>
    </message>
    <message>
        <source>No se pudo registrar el servidor: %1</source>
        <translation>Could not register the server: %1</translation>
    </message>
    <message>
        <source>línea %1, columna %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>falta (un texto)</source>
        <translation>missing (a text)</translation>
    </message>
    <message>
        <source>debe ser un texto no vacío, no %1</source>
        <translation>must be a non-empty text, not %1</translation>
    </message>
    <message>
        <source>debe ser un número, no %1</source>
        <translation>must be a number, not %1</translation>
    </message>
    <message>
        <source>%1 está fuera de [%2, %3]</source>
        <translation>%1 is outside [%2, %3]</translation>
    </message>
    <message>
        <source>debe ser true o false, no %1</source>
        <translation>must be true or false, not %1</translation>
    </message>
    <message>
        <source>clave desconocida (se admiten: %1)</source>
        <translation>unknown key (allowed: %1)</translation>
    </message>
    <message>
        <source>la consola admite como tolerancia un código de salida (entero) o {&quot;type&quot;: &quot;regex&quot;, &quot;pattern&quot;: …, &quot;target&quot;: &quot;stdout&quot;}; no %1</source>
        <translation>the console accepts as tolerance an exit code (integer) or {&quot;type&quot;: &quot;regex&quot;, &quot;pattern&quot;: …, &quot;target&quot;: &quot;stdout&quot;}; not %1</translation>
    </message>
    <message>
        <source>tipo de tolerancia «%1» no admitido por la consola (use regex o un código de salida)</source>
        <translation>tolerance type «%1» is not supported by the console (use regex or an exit code)</translation>
    </message>
    <message>
        <source>expresión regular no válida: %1</source>
        <translation>invalid regular expression: %1</translation>
    </message>
    <message>
        <source>debe ser stdout o stderr</source>
        <translation>must be stdout or stderr</translation>
    </message>
    <message>
        <source>falta «--profile ${profile}»: el simulacro actúa sobre su propio perfil</source>
        <translation>missing «--profile ${profile}»: the drill acts on its own profile</translation>
    </message>
    <message>
        <source>«--profile %1»: use «--profile ${profile}» (el perfil del simulacro, nunca otro)</source>
        <translation>«--profile %1»: use «--profile ${profile}» (the drill&apos;s profile, never another)</translation>
    </message>
    <message>
        <source>debe ser un objeto (una actividad), no %1</source>
        <translation>must be an object (an activity), not %1</translation>
    </message>
    <message>
        <source>las referencias a otras actividades no se admiten: escriba la actividad completa</source>
        <translation>references to other activities are not supported: write the whole activity</translation>
    </message>
    <message>
        <source>la consola no ejecuta actividades en segundo plano; para que dos fallas se traslapen, inyecte la segunda durante la primera (las fallas duran lo que dicen)</source>
        <translation>the console does not run activities in the background; to overlap two faults, inject the second during the first (faults last as long as they say)</translation>
    </message>
    <message>
        <source>debe ser action o probe, no «%1»</source>
        <translation>must be action or probe, not «%1»</translation>
    </message>
    <message>
        <source>la hipótesis de estado estable solo lleva sondas (probe)</source>
        <translation>the steady-state hypothesis holds probes only</translation>
    </message>
    <message>
        <source>debe ser un objeto {&quot;before&quot;: s, &quot;after&quot;: s}</source>
        <translation>must be an object {&quot;before&quot;: s, &quot;after&quot;: s}</translation>
    </message>
    <message>
        <source>falta el proveedor (un objeto con &quot;type&quot;: &quot;process&quot;)</source>
        <translation>missing provider (an object with &quot;type&quot;: &quot;process&quot;)</translation>
    </message>
    <message>
        <source>la consola solo ejecuta el proveedor «process» con difusor-console</source>
        <translation>the console only runs the «process» provider with difusor-console</translation>
    </message>
    <message>
        <source>«%1»: la consola solo ejecuta sus propias órdenes (difusor-console), nunca otro programa</source>
        <translation>«%1»: the console only runs its own commands (difusor-console), never another program</translation>
    </message>
    <message>
        <source>debe ser un texto, no %1</source>
        <translation>must be a text, not %1</translation>
    </message>
    <message>
        <source>faltan los argumentos (una lista de textos)</source>
        <translation>missing arguments (a list of texts)</translation>
    </message>
    <message>
        <source>inyectar una falla es una acción (action), no una sonda</source>
        <translation>injecting a fault is an action, not a probe</translation>
    </message>
    <message>
        <source>terminar las fallas es una acción (action)</source>
        <translation>ending the faults is an action</translation>
    </message>
    <message>
        <source>argumento de más: %1</source>
        <translation>extra argument: %1</translation>
    </message>
    <message>
        <source>«%1» es una sonda (probe): no cambia nada</source>
        <translation>«%1» is a probe: it changes nothing</translation>
    </message>
    <message>
        <source>estado desconocido: %1 (open, acknowledged, resolved, unresolved o all)</source>
        <translation>unknown state: %1 (open, acknowledged, resolved, unresolved or all)</translation>
    </message>
    <message>
        <source>tipo de incidente desconocido: %1</source>
        <translation>unknown incident kind: %1</translation>
    </message>
    <message>
        <source>--duration debe ser un número de segundos entre 1 y 3600</source>
        <translation>--duration must be a number of seconds between 1 and 3600</translation>
    </message>
    <message>
        <source>argumento que la consola no juzga en una sonda: %1</source>
        <translation>argument the console does not judge in a probe: %1</translation>
    </message>
    <message>
        <source>la sonda debe pedir «--format json» (es lo que juzga la tolerancia)</source>
        <translation>the probe must ask for «--format json» (that is what the tolerance judges)</translation>
    </message>
    <message>
        <source>la sonda watch necesita --duration S (cuánto esperar un corte)</source>
        <translation>the watch probe needs --duration S (how long to wait for a cut)</translation>
    </message>
    <message>
        <source>orden no admitida: «%1» (se admiten sandbox fault, sandbox end-faults, incidents y watch)</source>
        <translation>unsupported command: «%1» (supported: sandbox fault, sandbox end-faults, incidents and watch)</translation>
    </message>
    <message>
        <source>una reversión no inyecta fallas</source>
        <translation>a rollback does not inject faults</translation>
    </message>
    <message>
        <source>una sonda de la hipótesis necesita su tolerancia</source>
        <translation>a hypothesis probe needs its tolerance</translation>
    </message>
    <message>
        <source>debe ser una lista de actividades, no %1</source>
        <translation>must be a list of activities, not %1</translation>
    </message>
    <message>
        <source>«%1» ya nombra otra actividad de la lista</source>
        <translation>«%1» already names another activity of the list</translation>
    </message>
    <message>
        <source>debe ser sandbox u observe, no «%1»</source>
        <translation>must be sandbox or observe, not «%1»</translation>
    </message>
    <message>
        <source>debe ser un objeto</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>debe ser una lista de tipos de incidente</source>
        <translation>must be a list of incident kinds</translation>
    </message>
    <message>
        <source>tipo de incidente desconocido: «%1»</source>
        <translation>unknown incident kind: «%1»</translation>
    </message>
    <message>
        <source>un escenario solo ajusta umbrales de las reglas (%1)</source>
        <translation>a scenario only adjusts the rules&apos; thresholds (%1)</translation>
    </message>
    <message>
        <source>debe ser un número mayor que cero</source>
        <translation>must be a number greater than zero</translation>
    </message>
    <message>
        <source>debe ser una lista</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>falta: en cuántos segundos desde el inicio de la falla</source>
        <translation>missing: within how many seconds of the fault&apos;s start</translation>
    </message>
    <message>
        <source>un incidente que no debe abrirse no se resuelve</source>
        <translation>an incident that must not open is not resolved</translation>
    </message>
    <message>
        <source>«%1» no es el nombre de ninguna acción del método</source>
        <translation>«%1» is not the name of any action of the method</translation>
    </message>
    <message>
        <source>«%1» no inyecta una falla</source>
        <translation>«%1» does not inject a fault</translation>
    </message>
    <message>
        <source>«%1» está también entre los prohibidos</source>
        <translation>«%1» is also among the forbidden ones</translation>
    </message>
    <message>
        <source>JSON no válido: %1</source>
        <translation>invalid JSON: %1</translation>
    </message>
    <message>
        <source>un escenario es un objeto JSON (un experimento de Chaos Toolkit)</source>
        <translation>a scenario is a JSON object (a Chaos Toolkit experiment)</translation>
    </message>
    <message>
        <source>debe ser un texto (p. ej. &quot;1.0.0&quot;)</source>
        <translation>must be a text (e.g. &quot;1.0.0&quot;)</translation>
    </message>
    <message>
        <source>debe ser una lista de textos</source>
        <translation>must be a list of texts</translation>
    </message>
    <message>
        <source>debe ser un texto no vacío</source>
        <translation>must be a non-empty text</translation>
    </message>
    <message>
        <source>debe ser un objeto con title y probes</source>
        <translation>must be an object with title and probes</translation>
    </message>
    <message>
        <source>falta (la lista de acciones; puede estar vacía)</source>
        <translation>missing (the list of actions; it may be empty)</translation>
    </message>
    <message>
        <source>debe ser una lista de objetos con &quot;name&quot;</source>
        <translation>must be a list of objects with &quot;name&quot;</translation>
    </message>
    <message>
        <source>cada extensión es un objeto con &quot;name&quot;</source>
        <translation>each extension is an object with &quot;name&quot;</translation>
    </message>
    <message>
        <source>la extensión «difusor-console» aparece dos veces</source>
        <translation>the «difusor-console» extension appears twice</translation>
    </message>
    <message>
        <source>falta la extensión {&quot;name&quot;: &quot;difusor-console&quot;, …} con el objetivo y lo esperado</source>
        <translation>missing the extension {&quot;name&quot;: &quot;difusor-console&quot;, …} with the target and what is expected</translation>
    </message>
    <message>
        <source>un simulacro de observación nunca inyecta nada</source>
        <translation>an observation drill never injects anything</translation>
    </message>
    <message>
        <source>un simulacro de observación no espera fallas</source>
        <translation>an observation drill expects no faults</translation>
    </message>
    <message>
        <source>%1 es demasiado grande para un escenario (más de 4 MiB).</source>
        <translation>%1 is too large for a scenario (more than 4 MiB).</translation>
    </message>
    <message>
        <source>--profile ARCHIVO</source>
        <translation>--profile FILE</translation>
    </message>
    <message>
        <source>Termina ya todas las fallas en curso del simulador en marcha de ese perfil (la reversión de un simulacro): las que tienen duración se deshacen, las que esperaban su corte se cancelan. Imprime las que terminó.</source>
        <translation>Ends now every fault in progress in that profile&apos;s running sandbox (a drill&apos;s rollback): timed ones are undone, those waiting for their cut are called off. Prints the ones it ended.</translation>
    </message>
    <message>
        <source>las fallas en curso terminaron (o no había ninguna)</source>
        <translation>the faults in progress ended (or there were none)</translation>
    </message>
    <message>
        <source>el simulador rechazó la petición</source>
        <translation>the sandbox refused the request</translation>
    </message>
    <message>
        <source>entrada no válida: una opción desconocida, un perfil ilegible o que no es de un simulador</source>
        <translation>bad input: an unknown option, an unreadable profile or one that is not a sandbox&apos;s</translation>
    </message>
    <message>
        <source>end-faults --profile ARCHIVO</source>
        <translation>end-faults --profile FILE</translation>
    </message>
    <message>
        <source>Termina ya las fallas en curso (la reversión de un simulacro).</source>
        <translation>Ends the faults in progress now (a drill&apos;s rollback).</translation>
    </message>
    <message>
        <source>Falta la orden: run, fault, end-faults o faults.</source>
        <translation>Missing command: run, fault, end-faults or faults.</translation>
    </message>
    <message>
        <source>Un simulacro sin escenario, sin objetivo o sin hora no se guarda.</source>
        <translation>A drill without scenario, target or time is not saved.</translation>
    </message>
    <message>
        <source>No hay simulacro %1 de este servidor.</source>
        <translation>There is no drill %1 of this server.</translation>
    </message>
    <message>
        <source>El incidente %1 o el simulacro %2 no son de este servidor.</source>
        <translation>Incident %1 or drill %2 is not this server&apos;s.</translation>
    </message>
    <message>
        <source>No se pudo leer la base de datos: %1</source>
        <translation>Could not read the database: %1</translation>
    </message>
    <message>
        <source>No se pudieron leer los incidentes: %1</source>
        <translation>Could not read the incidents: %1</translation>
    </message>
    <message>
        <source>El mayor retraso de publicación fue de %1 s, en el corte de %2 (servidor %3); la convocatoria admite 60 s.</source>
        <translation>The worst publication lag was %1 s, at the cut of %2 (server %3); the call allows 60 s.</translation>
    </message>
    <message>
        <source>Sugerimos acercar el servidor de publicación al del IEPC o acortar la cadena de copia y caché, y ensayarlo en los simulacros.</source>
        <translation>We suggest bringing the publication server closer to the IEPC&apos;s or shortening the copy and cache chain, and rehearsing it in the drills.</translation>
    </message>
    <message>
        <source>Todos los cortes quedaron dentro del minuto.</source>
        <translation>Every cut was within the minute.</translation>
    </message>
    <message>
        <source>No hay retrasos de publicación medidos en el periodo: conviene dejar la consola midiendo durante toda la jornada.</source>
        <translation>No publication lag was measured in the period: leave the console measuring throughout election day.</translation>
    </message>
    <message>
        <source>La interrupción más larga fue «%1» (%2): %3 min desde %4, con %5 cortes afectados.</source>
        <translation>The longest outage was “%1” (%2): %3 min from %4, with %5 cuts affected.</translation>
    </message>
    <message>
        <source>No hubo interrupciones del sitio; el incidente más largo que afectó la publicación fue «%1» (%2): %3 min desde %4, con %5 cortes afectados.</source>
        <translation>There was no site outage; the longest incident that affected publication was “%1” (%2): %3 min from %4, with %5 cuts affected.</translation>
    </message>
    <message>
        <source>No hubo incidentes que afectaran la publicación en el periodo.</source>
        <translation>No incident affected publication in the period.</translation>
    </message>
    <message>
        <source>La carga máxima fue de %1 solicitudes en el minuto de %2 (%3 solicitudes/s en promedio).</source>
        <translation>The peak load was %1 requests in the minute of %2 (%3 requests/s on average).</translation>
    </message>
    <message>
        <source>Frente a una capacidad de %1 solicitudes/s, es el %2 %; margen restante: %3 solicitudes/s.</source>
        <translation>Against a capacity of %1 requests/s, that is %2 %; remaining margin: %3 requests/s.</translation>
    </message>
    <message>
        <source>La capacidad del servidor no está medida: sugerimos una prueba de carga antes de la jornada.</source>
        <translation>The server&apos;s capacity has not been measured: we suggest a load test before election day.</translation>
    </message>
    <message>
        <source>abierto</source>
        <translation>open</translation>
    </message>
    <message>
        <source>reconocido</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>resuelto</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>crítica</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>mayor</source>
        <translation>major</translation>
    </message>
    <message>
        <source>menor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>observado de nuevo</source>
        <translation>observed again</translation>
    </message>
    <message>
        <source>nota</source>
        <translation>note</translation>
    </message>
    <message>
        <source>silenciado</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>notificado</source>
        <translation>notified</translation>
    </message>
    <message>
        <source>reabierto</source>
        <translation>reopened</translation>
    </message>
    <message>
        <source>severidad</source>
        <translation>severity</translation>
    </message>
    <message>
        <source>afecta la publicación</source>
        <translation>affects publication</translation>
    </message>
    <message>
        <source>causa</source>
        <translation>cause</translation>
    </message>
    <message>
        <source>acciones</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>cumple</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>advertencia</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>no cumple</source>
        <translation>fail</translation>
    </message>
    <message>
        <source>omitida</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Visitantes distintos</source>
        <translation>Distinct visitors</translation>
    </message>
    <message>
        <source>1. Bitácoras de acceso</source>
        <translation>1. Access logs</translation>
    </message>
    <message>
        <source>Bitácoras de acceso de los servidores de publicación, copiadas byte por byte: %1 archivos, %2 bytes, %3 líneas. Cada archivo se identifica por su SHA-256, el mismo que lista manifest-sha256.txt del paquete.</source>
        <translation>Access logs of the publication servers, copied byte for byte: %1 files, %2 bytes, %3 lines. Each file is identified by its SHA-256, the same one the package&apos;s manifest-sha256.txt lists.</translation>
    </message>
    <message>
        <source>No se recibió ninguna bitácora.</source>
        <translation>No log was received.</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Líneas</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Primera y última línea (UTC-6)</source>
        <translation>First and last line (UTC-6)</translation>
    </message>
    <message>
        <source>sin líneas legibles</source>
        <translation>no readable lines</translation>
    </message>
    <message>
        <source>%1 líneas mal formadas</source>
        <translation>%1 malformed lines</translation>
    </message>
    <message>
        <source>Apartado</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Detalle</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Resumen</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Tipo %1, severidad %2, estado %3.</source>
        <translation>Kind %1, severity %2, state %3.</translation>
    </message>
    <message>
        <source>Impacto</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>%1 min de afectación; cortes en ese lapso: %2.</source>
        <translation>%1 min affected; cuts in that span: %2.</translation>
    </message>
    <message>
        <source>Detección</source>
        <translation>Detection</translation>
    </message>
    <message>
        <source>Inicio %1; detectado %2; tiempo para detectar: %3.</source>
        <translation>Onset %1; detected %2; time to detect: %3.</translation>
    </message>
    <message>
        <source>Cronología</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Causa</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>sin registrar</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Resuelto %1 (%2%3); tiempo para resolver: %4.</source>
        <translation>Resolved %1 (%2%3); time to resolve: %4.</translation>
    </message>
    <message>
        <source>la condición cesó</source>
        <translation>the condition cleared</translation>
    </message>
    <message>
        <source>a mano</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>Sin resolver al cierre del periodo.</source>
        <translation>Unresolved at the end of the period.</translation>
    </message>
    <message>
        <source>Reconocido %1 por %2.</source>
        <translation>Acknowledged %1 by %2.</translation>
    </message>
    <message>
        <source>Resolución</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>2. Incidentes que afectaron la publicación</source>
        <translation>2. Incidents that affected publication</translation>
    </message>
    <message>
        <source>Un bloque por incidente, en el orden de un postmortem: resumen, impacto, detección, cronología, causa, resolución y acciones. Los demás incidentes del periodo (%1) están en el anexo D.</source>
        <translation>One block per incident, in postmortem order: summary, impact, detection, timeline, cause, resolution and actions. The period&apos;s other incidents (%1) are in annex D.</translation>
    </message>
    <message>
        <source>Ningún incidente afectó la publicación en el periodo.</source>
        <translation>No incident affected publication in the period.</translation>
    </message>
    <message>
        <source>3. Comparativo de visitas, páginas y hits</source>
        <translation>3. Comparison of visits, pages and hits</translation>
    </message>
    <message>
        <source>Promedio habitual: del %1 al %2%3, %4 días. Periodo de la jornada electoral y resultados: del %5 al %6. Días del centro de México (UTC-6).</source>
        <translation>Usual average: from %1 to %2%3, %4 days. Election day and results period: from %5 to %6. Days in Central Mexico time (UTC-6).</translation>
    </message>
    <message>
        <source> sin los simulacros (%1)</source>
        <translation> without the drills (%1)</translation>
    </message>
    <message>
        <source>Conteo como AWStats: hit, toda solicitud servida (200 o 304) que no es de un robot; página, un hit que no es imagen, hoja de estilo, script ni fuente; visita, la serie de páginas de una dirección sin pausa de más de una hora; visitante distinto, una dirección con al menos una página. El promedio es el de AWStats (&quot;Media&quot;): un día sin tráfico cuenta como 0. %1. %2 líneas leídas, %3 mal formadas.</source>
        <translation>Counted as AWStats counts: hit, every request served (200 or 304) not made by a robot; page, a hit that is not an image, style sheet, script or font; visit, an address&apos;s run of pages with no pause over one hour; distinct visitor, an address with at least one page. The average is AWStats&apos; (&quot;Media&quot;): a day without traffic counts as 0. %1. %2 lines read, %3 malformed.</translation>
    </message>
    <message>
        <source>No hay bitácoras del periodo base (del %1 al %2): las bitácoras recibidas empiezan %3. El comparativo contra el promedio habitual no puede hacerse; se dan solo las cifras de la jornada.</source>
        <translation>There are no logs of the baseline period (from %1 to %2): the logs received begin %3. The comparison with the usual average cannot be made; only election week&apos;s figures are given.</translation>
    </message>
    <message>
        <source>(ninguna línea)</source>
        <translation>(no line)</translation>
    </message>
    <message>
        <source>Las bitácoras cubren %1 de los %2 días del periodo base (la primera línea es de %3): el promedio habitual es el de esos %1 días.</source>
        <translation>The logs cover %1 of the %2 days of the baseline period (the first line is from %3): the usual average is that of those %1 days.</translation>
    </message>
    <message>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Promedio habitual</source>
        <translation>Usual average</translation>
    </message>
    <message>
        <source>sin bitácoras</source>
        <translation>no logs</translation>
    </message>
    <message>
        <source>Promedio %1–%2</source>
        <translation>Average %1–%2</translation>
    </message>
    <message>
        <source>×: la cifra dividida entre el promedio habitual (×1.00 es un día habitual).</source>
        <translation>×: the figure divided by the usual average (×1.00 is a usual day).</translation>
    </message>
    <message>
        <source>Visitas por día frente al promedio habitual</source>
        <translation>Visits per day against the usual average</translation>
    </message>
    <message>
        <source>jornada</source>
        <translation>election week</translation>
    </message>
    <message>
        <source>promedio habitual</source>
        <translation>usual average</translation>
    </message>
    <message>
        <source>Noche de la jornada, hora por hora</source>
        <translation>Election night, hour by hour</translation>
    </message>
    <message>
        <source>De %1 a %2: del cierre de las casillas (18:00) hasta la mañana; el PREP publica desde las 20:00. Cada hora se compara con la misma hora de los días del periodo base, promediada.</source>
        <translation>From %1 to %2: from the polls&apos; closing (18:00) to the morning; the PREP publishes from 20:00. Each hour is compared with the same hour of the baseline days, averaged.</translation>
    </message>
    <message>
        <source>Hora (UTC-6)</source>
        <translation>Time (UTC-6)</translation>
    </message>
    <message>
        <source>Hits por hora: noche de la jornada y la misma hora habitual</source>
        <translation>Hits per hour: election night and the same usual hour</translation>
    </message>
    <message>
        <source>noche de la jornada</source>
        <translation>election night</translation>
    </message>
    <message>
        <source>misma hora, promedio habitual</source>
        <translation>same hour, usual average</translation>
    </message>
    <message>
        <source>habitual</source>
        <translation>usual</translation>
    </message>
    <message>
        <source>4. Comentarios y sugerencias</source>
        <translation>4. Comments and suggestions</translation>
    </message>
    <message>
        <source>Del equipo técnico</source>
        <translation>From the technical team</translation>
    </message>
    <message>
        <source>(El técnico no escribió comentarios.)</source>
        <translation>(The technician wrote no comments.)</translation>
    </message>
    <message>
        <source>Propuestas de la consola a partir de los datos</source>
        <translation>The console&apos;s proposals from the data</translation>
    </message>
    <message>
        <source>Anexo A. Verificación de infraestructura al inicio del periodo</source>
        <translation>Annex A. Infrastructure check at the start of the period</translation>
    </message>
    <message>
        <source>No hay verificación de infraestructura registrada.</source>
        <translation>No infrastructure check is recorded.</translation>
    </message>
    <message>
        <source>%1: verificación del %2</source>
        <translation>%1: check of %2</translation>
    </message>
    <message>
        <source>Requisito</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Esperado</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Medido</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Anexo B. Cortes del periodo</source>
        <translation>Annex B. Cuts of the period</translation>
    </message>
    <message>
        <source>Retraso: la primera vez que el sitio del difusor mostró el corte menos la primera vez que lo mostró el PREP oficial; la convocatoria admite un minuto. Horas del centro de México (UTC-6).</source>
        <translation>Lag: the first time the difusor&apos;s site showed the cut minus the first time the official PREP showed it; the call allows one minute. Times in Central Mexico time (UTC-6).</translation>
    </message>
    <message>
        <source>No hay cortes registrados en el periodo.</source>
        <translation>No cut is recorded in the period.</translation>
    </message>
    <message>
        <source>Corte</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>Llegó al servidor</source>
        <translation>Reached the server</translation>
    </message>
    <message>
        <source>Visto en el PREP oficial</source>
        <translation>Seen on the official PREP</translation>
    </message>
    <message>
        <source>Visto en el difusor</source>
        <translation>Seen on the difusor</translation>
    </message>
    <message>
        <source>Retraso</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Anexo C. Simulacros</source>
        <translation>Annex C. Drills</translation>
    </message>
    <message>
        <source>No hay simulacros registrados.</source>
        <translation>No drill is recorded.</translation>
    </message>
    <message>
        <source>Simulacro</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Inicio</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Puntaje</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Anexo D. Incidentes que no afectaron la publicación</source>
        <translation>Annex D. Incidents that did not affect publication</translation>
    </message>
    <message>
        <source>Ninguno.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Incidente</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Severidad</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Minutos</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>¿Afectó?</source>
        <translation>Affected?</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>no determinado</source>
        <translation>not determined</translation>
    </message>
    <message>
        <source>Anexo E. Días del periodo base</source>
        <translation>Annex E. Days of the baseline period</translation>
    </message>
    <message>
        <source>del %1 al %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>Memoria técnica del difusor PREP</source>
        <translation>Technical report of the PREP difusor</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Organización</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>(sin registrar en el perfil)</source>
        <translation>(not recorded in the profile)</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>hora del centro de México (UTC-6)</source>
        <translation>Central Mexico time (UTC-6)</translation>
    </message>
    <message>
        <source>Servidores</source>
        <translation>Servers</translation>
    </message>
    <message>
        <source>Generada</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Personal técnico</source>
        <translation>Technical staff</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cargo</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Horario</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Avisos</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Contenido</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>1. Bitácoras de acceso · 2. Incidentes que afectaron la publicación · 3. Comparativo de visitas, páginas y hits · 4. Comentarios y sugerencias · Anexos: A. Verificación de infraestructura · B. Cortes · C. Simulacros · D. Otros incidentes · E. Días del periodo base</source>
        <translation>1. Access logs · 2. Incidents that affected publication · 3. Comparison of visits, pages and hits · 4. Comments and suggestions · Annexes: A. Infrastructure check · B. Cuts · C. Drills · D. Other incidents · E. Days of the baseline period</translation>
    </message>
    <message>
        <source>%1 termina antes de tiempo (gzip incompleto): se contó lo que se pudo leer.</source>
        <translation>%1 ends early (incomplete gzip): what could be read was counted.</translation>
    </message>
    <message>
        <source>No se encontró la fuente DejaVu Sans (paquete fonts-dejavu-core) en %1.</source>
        <translation>The DejaVu Sans font (package fonts-dejavu-core) was not found in %1.</translation>
    </message>
    <message>
        <source>El PDF necesita una QGuiApplication (sin pantalla: QT_QPA_PLATFORM=offscreen).</source>
        <translation>The PDF needs a QGuiApplication (without a display: QT_QPA_PLATFORM=offscreen).</translation>
    </message>
    <message>
        <source>No se pudo escribir %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Generada %1</source>
        <translation>Generated %1</translation>
    </message>
    <message>
        <source>página %1 de %2</source>
        <translation>page %1 of %2</translation>
    </message>
    <message>
        <source>observe --profile ARCHIVO --name NOMBRE [--from ISO --to ISO | --duration S] [opciones]</source>
        <translation>observe --profile FILE --name NAME [--from ISO --to ISO | --duration S] [options]</translation>
    </message>
    <message>
        <source>Simulacros: ensayos con fallas en el simulador, juzgados contra su verdad de referencia, y simulacros oficiales de solo observación (observe) en cualquier servidor. Un escenario es un experimento de Chaos Toolkit con el bloque de la consola en &quot;extensions&quot;.</source>
        <translation>Drills: fault rehearsals on the sandbox, judged against its ground truth, and observe-only official simulacros (observe) on any server. A scenario is a Chaos Toolkit experiment with the console&apos;s block under &quot;extensions&quot;.</translation>
    </message>
    <message>
        <source>Simulacro oficial, solo observación, en cualquier servidor: revisión previa, ventana e informe.</source>
        <translation>Official simulacro, observe only, on any server: pre-flight, window and report.</translation>
    </message>
    <message>
        <source>observe: no se pudo conectar con el servidor</source>
        <translation>observe: the server could not be reached</translation>
    </message>
    <message>
        <source>Falta la orden: list, show, run u observe.</source>
        <translation>The command is missing: list, show, run or observe.</translation>
    </message>
    <message>
        <source>Simulacro %1 «%2» en %3 (solo observación): %4</source>
        <translation>Simulacro %1 “%2” on %3 (observe only): %4</translation>
    </message>
    <message>
        <source>Ventana %1 – %2; observado %3 – %4</source>
        <translation>Window %1 – %2; observed %3 – %4</translation>
    </message>
    <message>
        <source>Revisión previa:</source>
        <translation>Pre-flight:</translation>
    </message>
    <message>
        <source>Cortes: %1 esperados, %2 recibidos, %3 tarde, %4 faltantes, %5 hacia atrás, %6 ilegibles</source>
        <translation>Cuts: %1 expected, %2 received, %3 late, %4 missing, %5 backwards, %6 unreadable</translation>
    </message>
    <message>
        <source>Retraso de publicación (límite %1 s): p50 %2 s, p95 %3 s, máx. %4 s en %5 cortes; %6 sobre el límite, %7 sin publicar — %8</source>
        <translation>Publication lag (limit %1 s): p50 %2 s, p95 %3 s, max %4 s over %5 cuts; %6 over the limit, %7 not published — %8</translation>
    </message>
    <message>
        <source>Incidentes: %1 (%2 sin resolver)</source>
        <translation>Incidents: %1 (%2 unresolved)</translation>
    </message>
    <message>
        <source>detectado %1 (%2 s), reconocido %3 s, resuelto %4 s</source>
        <translation>detected %1 (%2 s), acknowledged %3 s, resolved %4 s</translation>
    </message>
    <message>
        <source>[abierto al empezar] %1 %2: detectado %3, resuelto %4</source>
        <translation>[open at the start] %1 %2: detected %3, resolved %4</translation>
    </message>
    <message>
        <source>Tráfico: pico %1 solicitudes/s (%2), %3 solicitudes/min (%4); %5 solicitudes (más %6 de la consola)</source>
        <translation>Traffic: peak %1 requests/s (%2), %3 requests/min (%4); %5 requests (plus %6 from the console)</translation>
    </message>
    <message>
        <source>Comparado con el simulacro %1 (%2):</source>
        <translation>Compared with simulacro %1 (%2):</translation>
    </message>
    <message>
        <source>--profile ARCHIVO --name NOMBRE [--from ISO --to ISO | --duration S] [--format json|text] [--operator NOMBRE] [--store ARCHIVO]</source>
        <translation>--profile FILE --name NAME [--from ISO --to ISO | --duration S] [--format json|text] [--operator NAME] [--store FILE]</translation>
    </message>
    <message>
        <source>Simulacro oficial, solo observación, en el servidor del perfil (cualquiera: nunca inyecta ni termina fallas). Antes de empezar, una revisión previa con un veredicto cada punto (revisión de infraestructura, carpeta vigilada, último corte en nuestro sitio, sitio que responde, desfase del reloj, PREP oficial); sus fallas se registran y el simulacro sigue. Durante la ventana, los incidentes se ligan al simulacro; al final, el informe: cortes esperados y recibidos, tarde, faltantes, hacia atrás, retraso p50/p95/máx. contra 60 s, incidentes con tiempos de detección, reconocimiento y resolución, pico de tráfico y la comparación con el simulacro anterior del mismo servidor. Ventana predeterminada: la siguiente fecha oficial (19 o 26 de mayo de 2024, 18:00 a 24:00 UTC-6). El avance va a stderr, el informe a stdout.</source>
        <translation>Official simulacro, observe only, on the profile&apos;s server (any: it never injects or ends faults). Before it starts, a pre-flight list with a verdict per item (infrastructure check, folder watched, last cut on our site, site answering, clock offset, official PREP); its failures are recorded and the simulacro goes on. During the window, incidents are linked to the simulacro; at the end, the report: cuts expected and received, late, missing, backwards, lag p50/p95/max against 60 s, incidents with times to detect, acknowledge and resolve, traffic peak and the comparison with the previous simulacro of the same server. Default window: the next official date (19 or 26 May 2024, 18:00 to 24:00 UTC-6). Progress goes to stderr, the report to stdout.</translation>
    </message>
    <message>
        <source>Perfil de conexión.</source>
        <translation>Connection profile.</translation>
    </message>
    <message>
        <source>Nombre del simulacro.</source>
        <translation>The simulacro&apos;s name.</translation>
    </message>
    <message>
        <source>Inicio de la ventana, ISO 8601 (sin zona: UTC-6).</source>
        <translation>Start of the window, ISO 8601 (without a zone: UTC-6).</translation>
    </message>
    <message>
        <source>Fin de la ventana, ISO 8601 (sin zona: UTC-6).</source>
        <translation>End of the window, ISO 8601 (without a zone: UTC-6).</translation>
    </message>
    <message>
        <source>Ventana de S segundos desde ahora (un ensayo).</source>
        <translation>A window of S seconds from now (a rehearsal).</translation>
    </message>
    <message>
        <source>Segundos como máximo para la revisión previa.</source>
        <translation>At most this many seconds for the pre-flight.</translation>
    </message>
    <message>
        <source>la revisión previa y la regla del minuto se cumplieron</source>
        <translation>the pre-flight and the one-minute rule passed</translation>
    </message>
    <message>
        <source>un punto de la revisión previa falló, o una cifra rompió la regla de 60 s (o se detuvo, o no se pudo guardar)</source>
        <translation>a pre-flight item failed, or a figure broke the 60 s rule (or it was stopped, or could not be saved)</translation>
    </message>
    <message>
        <source>entrada no válida: una ventana que no es válida o ya terminó, un perfil ilegible</source>
        <translation>invalid input: a window that is invalid or has ended, an unreadable profile</translation>
    </message>
    <message>
        <source>no se pudo conectar con el servidor</source>
        <translation>the server could not be reached</translation>
    </message>
    <message>
        <source>Falta --name (el nombre del simulacro).</source>
        <translation>--name is missing (the simulacro&apos;s name).</translation>
    </message>
    <message>
        <source>--duration no va con --from/--to.</source>
        <translation>--duration does not go with --from/--to.</translation>
    </message>
    <message>
        <source>--from y --to van juntos.</source>
        <translation>--from and --to go together.</translation>
    </message>
    <message>
        <source>--from no es una fecha ISO 8601: %1</source>
        <translation>--from is not an ISO 8601 time: %1</translation>
    </message>
    <message>
        <source>--to no es una fecha ISO 8601: %1</source>
        <translation>--to is not an ISO 8601 time: %1</translation>
    </message>
    <message>
        <source>--to debe ser posterior a --from.</source>
        <translation>--to must be later than --from.</translation>
    </message>
    <message>
        <source>Las dos fechas oficiales (19 y 26 de mayo de 2024) ya pasaron: indique la ventana (--from y --to, o --duration).</source>
        <translation>Both official dates (19 and 26 May 2024) are over: give the window (--from and --to, or --duration).</translation>
    </message>
    <message>
        <source>La ventana del simulacro ya terminó (%1).</source>
        <translation>The simulacro&apos;s window has already ended (%1).</translation>
    </message>
    <message>
        <source>Ventana: %1 – %2</source>
        <translation>Window: %1 – %2</translation>
    </message>
    <message>
        <source>Corte recibido: %1</source>
        <translation>Cut received: %1</translation>
    </message>
    <message>
        <source>Revisión previa (hasta %1 s)…</source>
        <translation>Pre-flight (up to %1 s)…</translation>
    </message>
    <message>
        <source>ningún corte</source>
        <translation>no cut</translation>
    </message>
    <message>
        <source>%1 responde; muestra el corte %2</source>
        <translation>%1 answers; it shows the cut of %2</translation>
    </message>
    <message>
        <source>%1 responde, sin un corte legible: %2</source>
        <translation>%1 answers, with no readable cut: %2</translation>
    </message>
    <message>
        <source>Nuestro sitio no muestra un corte legible: %1</source>
        <translation>Our site shows no readable cut: %1</translation>
    </message>
    <message>
        <source>Nuestro sitio no responde: %1</source>
        <translation>Our site does not answer: %1</translation>
    </message>
    <message>
        <source>El perfil no tiene difusor_url.</source>
        <translation>The profile has no difusor_url.</translation>
    </message>
    <message>
        <source>El perfil no tiene official_url.</source>
        <translation>The profile has no official_url.</translation>
    </message>
    <message>
        <source>El perfil no tiene publication_dir.</source>
        <translation>The profile has no publication_dir.</translation>
    </message>
    <message>
        <source>No hay una revisión de infraestructura guardada de este servidor: corra «difusor-console check --profile …» antes del simulacro.</source>
        <translation>No infrastructure check of this server is saved: run “difusor-console check --profile …” before the simulacro.</translation>
    </message>
    <message>
        <source>Revisión del %1</source>
        <translation>Check of %1</translation>
    </message>
    <message>
        <source>%1: sin resultados.</source>
        <translation>%1: no results.</translation>
    </message>
    <message>
        <source>%1: %2 con falla: %3</source>
        <translation>%1: %2 failed: %3</translation>
    </message>
    <message>
        <source>%1: %2 bien, %3 advertencias, %4 sin dato, ninguna falla.</source>
        <translation>%1: %2 passed, %3 warnings, %4 unknown, no failure.</translation>
    </message>
    <message>
        <source>%1 vigilada (%2)</source>
        <translation>%1 watched (%2)</translation>
    </message>
    <message>
        <source>El reloj del servidor difiere %1 s del de la consola (límite %2 s).</source>
        <translation>The server&apos;s clock is %1 s off the console&apos;s (limit %2 s).</translation>
    </message>
    <message>
        <source>Nuestro sitio muestra %1; el corte más nuevo en disco es %2 (%3).</source>
        <translation>Our site shows %1; the newest cut on disk is %2 (%3).</translation>
    </message>
    <message>
        <source>Sin respuesta en %1 s de revisión.</source>
        <translation>No answer within %1 s of pre-flight.</translation>
    </message>
    <message>
        <source>No hay cortes en disco todavía: nada que buscar en el sitio.</source>
        <translation>No cut on disk yet: nothing to look for on the site.</translation>
    </message>
    <message>
        <source>Nuestro sitio muestra %1, pero el corte más nuevo en disco es %2 (%3).</source>
        <translation>Our site shows %1, but the newest cut on disk is %2 (%3).</translation>
    </message>
    <message>
        <source>La revisión previa tiene fallas: el simulacro sigue y el informe las registra.</source>
        <translation>The pre-flight has failures: the simulacro goes on and the report records them.</translation>
    </message>
    <message>
        <source>No se guardó la revisión previa del simulacro %1: %2</source>
        <translation>The simulacro %1&apos;s pre-flight was not saved: %2</translation>
    </message>
    <message>
        <source>Simulacro %1 registrado; la ventana abre el %2.</source>
        <translation>Simulacro %1 recorded; the window opens on %2.</translation>
    </message>
    <message>
        <source>Ventana abierta: se observa hasta el %1. Nada se inyecta.</source>
        <translation>Window open: observing until %1. Nothing is injected.</translation>
    </message>
    <message>
        <source>Ventana cerrada; preparando el informe…</source>
        <translation>Window closed; preparing the report…</translation>
    </message>
    <message>
        <source>Simulacro detenido (%1); preparando el informe…</source>
        <translation>Simulacro stopped (%1); preparing the report…</translation>
    </message>
    <message>
        <source>No se guardó el informe del simulacro: %1</source>
        <translation>The simulacro&apos;s report was not saved: %1</translation>
    </message>
    <message>
        <source>La revisión de infraestructura no tiene fallas</source>
        <translation>The infrastructure check has no failure</translation>
    </message>
    <message>
        <source>La carpeta de publicación está vigilada</source>
        <translation>The publication folder is watched</translation>
    </message>
    <message>
        <source>El último corte se ve en nuestro sitio</source>
        <translation>The last cut is visible on our site</translation>
    </message>
    <message>
        <source>Nuestro sitio responde</source>
        <translation>Our site answers</translation>
    </message>
    <message>
        <source>Desfase del reloj del servidor menor a 2 s</source>
        <translation>Server clock offset under 2 s</translation>
    </message>
    <message>
        <source>El enlace al PREP oficial responde</source>
        <translation>The link to the official PREP answers</translation>
    </message>
    <message>
        <source>La memoria técnica como paquete BagIt, recolectada de los servidores; export verify DIR comprueba uno.</source>
        <translation>The technical report as a BagIt package, collected from the servers; export verify DIR checks one.</translation>
    </message>
    <message>
        <source>una lista de objetos {&quot;name&quot;, &quot;position&quot;, &quot;phone&quot;, &quot;email&quot;, &quot;hours&quot;} (textos)</source>
        <translation>a list of objects {&quot;name&quot;, &quot;position&quot;, &quot;phone&quot;, &quot;email&quot;, &quot;hours&quot;} (texts)</translation>
    </message>
    <message>
        <source>Memoria técnica en %1: periodo %2, línea base %3 (hora del centro de México, UTC-6).</source>
        <translation>Technical report in %1: period %2, baseline %3 (Central Mexico time, UTC-6).</translation>
    </message>
    <message>
        <source>Progreso: %1 de %2 (%3 %), archivos %4 de %5, por la red %6, falta %7</source>
        <translation>Progress: %1 of %2 (%3 %), files %4 of %5, over the link %6, time left %7</translation>
    </message>
    <message>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>El paquete %1 quedó incompleto; repita la misma orden para continuar donde se quedó.</source>
        <translation>The package %1 is incomplete; run the same command again to go on from where it stopped.</translation>
    </message>
    <message>
        <source>Escribiendo la memoria técnica (PDF)…</source>
        <translation>Writing the technical report (PDF)…</translation>
    </message>
    <message>
        <source>Aviso: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Paquete listo: %1 (%2 archivos de datos, %3) en %4 s. Compruébelo con «difusor-console export verify %1».</source>
        <translation>Package ready: %1 (%2 payload files, %3) in %4 s. Check it with &quot;difusor-console export verify %1&quot;.</translation>
    </message>
    <message>
        <source>--profile ARCHIVO [--profile ARCHIVO…] --out CARPETA [--from AAAA-MM-DD --to AAAA-MM-DD] [--baseline-from AAAA-MM-DD --baseline-to AAAA-MM-DD] [--comments ARCHIVO] [--format text|json]</source>
        <translation>--profile FILE [--profile FILE…] --out FOLDER [--from YYYY-MM-DD --to YYYY-MM-DD] [--baseline-from YYYY-MM-DD --baseline-to YYYY-MM-DD] [--comments FILE] [--format text|json]</translation>
    </message>
    <message>
        <source>Memoria técnica como paquete BagIt (RFC 8493). Sin subcomando: recolecta de cada servidor las bitácoras de acceso con líneas del periodo (tal como están, con su SHA-256 tomado en el servidor, comprimidas en la red, reanudable), un archivo por servidor con exactamente las líneas del periodo, el tráfico por día, los incidentes, los cortes y los simulacros de la base, y los comentarios. Progreso en stderr, resumen en stdout. Repetir la orden con la misma carpeta continúa un paquete interrumpido. «export verify CARPETA» comprueba un paquete: completo, cada suma, nada de más.</source>
        <translation>The technical report as a BagIt package (RFC 8493). Without a sub-command: collects from each server the access logs with lines of the period (as they are, with their SHA-256 taken on the server, compressed on the link, resumable), one file per server with exactly the period&apos;s lines, traffic per day, the incidents, cuts and drills of the database, and the comments. Progress on stderr, summary on stdout. Running it again with the same folder goes on with an interrupted package. &quot;export verify FOLDER&quot; checks a package: complete, every checksum, nothing extra.</translation>
    </message>
    <message>
        <source>Perfil de conexión de un servidor (repetible).</source>
        <translation>Connection profile of a server (repeatable).</translation>
    </message>
    <message>
        <source>Carpeta del paquete (nueva, vacía, o un paquete interrumpido).</source>
        <translation>The package folder (new, empty, or an interrupted package).</translation>
    </message>
    <message>
        <source>Primer día del periodo (hora del centro, UTC-6).</source>
        <translation>First day of the period (Central time, UTC-6).</translation>
    </message>
    <message>
        <source>Último día del periodo.</source>
        <translation>Last day of the period.</translation>
    </message>
    <message>
        <source>Primer día de la línea base (predeterminado: 14 días antes del periodo).</source>
        <translation>First day of the baseline (default: 14 days before the period).</translation>
    </message>
    <message>
        <source>Último día de la línea base (predeterminado: la víspera del periodo).</source>
        <translation>Last day of the baseline (default: the day before the period).</translation>
    </message>
    <message>
        <source>Comentarios y sugerencias (texto UTF-8).</source>
        <translation>Comments and suggestions (UTF-8 text).</translation>
    </message>
    <message>
        <source>Base de datos de la consola (predeterminado: DIFUSOR_STORE, si no la de la consola).</source>
        <translation>The console&apos;s database (default: DIFUSOR_STORE, else the console&apos;s own).</translation>
    </message>
    <message>
        <source>Acepta y guarda la llave de un servidor desconocido.</source>
        <translation>Accept and save the key of an unknown server.</translation>
    </message>
    <message>
        <source>Subcomando: comprobar un paquete.</source>
        <translation>Sub-command: check a package.</translation>
    </message>
    <message>
        <source>La carpeta del paquete (verify).</source>
        <translation>The package folder (verify).</translation>
    </message>
    <message>
        <source>el paquete quedó completo y verificado; verify: el paquete es válido</source>
        <translation>the package is complete and verified; verify: the package is valid</translation>
    </message>
    <message>
        <source>la recolección falló o se canceló (repetir continúa); verify: el paquete no es válido (cada problema, con su archivo)</source>
        <translation>the collection failed or was cancelled (running it again goes on); verify: the package is not valid (each problem, with its file)</translation>
    </message>
    <message>
        <source>entrada no válida: opción, fecha o perfil; una carpeta que no es un paquete</source>
        <translation>bad input: an option, a date or a profile; a folder that is not a package</translation>
    </message>
    <message>
        <source>un servidor no se pudo alcanzar o rechazó la conexión</source>
        <translation>a server could not be reached or refused the connection</translation>
    </message>
    <message>
        <source>Falta --out.</source>
        <translation>--out is missing.</translation>
    </message>
    <message>
        <source>Fecha no válida en --%1: %2 (AAAA-MM-DD).</source>
        <translation>Invalid date in --%1: %2 (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--to (%1) es anterior a --from (%2).</source>
        <translation>--to (%1) is before --from (%2).</translation>
    </message>
    <message>
        <source>--baseline-from y --baseline-to van juntos.</source>
        <translation>--baseline-from and --baseline-to go together.</translation>
    </message>
    <message>
        <source>--baseline-to es anterior a --baseline-from.</source>
        <translation>--baseline-to is before --baseline-from.</translation>
    </message>
    <message>
        <source>No existe el archivo de comentarios %1.</source>
        <translation>The comments file %1 does not exist.</translation>
    </message>
    <message>
        <source>Subcomando desconocido: %1 (solo verify).</source>
        <translation>Unknown sub-command: %1 (only verify).</translation>
    </message>
    <message>
        <source>No hay base de datos de la consola (%1): incidentes, cortes y simulacros van vacíos.</source>
        <translation>No console database (%1): incidents, cuts and drills are written empty.</translation>
    </message>
    <message>
        <source>ninguna</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No se pudo abrir la base %1 (%2): incidentes, cortes y simulacros van vacíos.</source>
        <translation>Could not open the database %1 (%2): incidents, cuts and drills are written empty.</translation>
    </message>
    <message>
        <source>La base %1 no tiene registros de estos perfiles: incidentes, cortes y simulacros van vacíos.</source>
        <translation>The database %1 has no records of these profiles: incidents, cuts and drills are written empty.</translation>
    </message>
    <message>
        <source>No se pudo leer el archivo de comentarios %1: %2</source>
        <translation>Could not read the comments file %1: %2</translation>
    </message>
    <message>
        <source>Memoria técnica del difusor del PREP: bitácoras de acceso a los servidores de publicación del %1 al %2 (hora del centro de México, UTC-6), incidencias, cortes con su desfase, tráfico por día y simulacros.</source>
        <translation>Technical report of the PREP difusor: access logs of the publication servers from %1 to %2 (Central Mexico time, UTC-6), incidents, cuts with their lag, traffic per day and drills.</translation>
    </message>
    <message>
        <source>Sin base de datos de la consola: sin incidentes, cortes ni simulacros.</source>
        <translation>No console database: no incidents, cuts or drills.</translation>
    </message>
    <message>
        <source>Memoria: %1</source>
        <translation>Report: %1</translation>
    </message>
    <message>
        <source>No hay servidores que recolectar.</source>
        <translation>There are no servers to collect from.</translation>
    </message>
    <message>
        <source>Recolección cancelada; lo ya copiado queda en el paquete y la próxima vez se continúa.</source>
        <translation>Collection cancelled; what was already copied stays in the package and the next run goes on from there.</translation>
    </message>
    <message>
        <source>%1: no se pudo conectar: %2</source>
        <translation>%1: could not connect: %2</translation>
    </message>
    <message>
        <source>%1: sin conexión después de %2 s.</source>
        <translation>%1: no connection after %2 s.</translation>
    </message>
    <message>
        <source>%1: el perfil no dice dónde está la bitácora de accesos (clave &quot;access_log&quot;).</source>
        <translation>%1: the profile does not say where the access log is (key &quot;access_log&quot;).</translation>
    </message>
    <message>
        <source>%1: buscando las bitácoras junto a %2…</source>
        <translation>%1: looking for the logs beside %2…</translation>
    </message>
    <message>
        <source>%1: no se pudieron listar las bitácoras: %2</source>
        <translation>%1: could not list the logs: %2</translation>
    </message>
    <message>
        <source>%1: %2 usa una compresión que la consola no lee (solo gzip); no se recolectó.</source>
        <translation>%1: %2 uses a compression the console does not read (gzip only); not collected.</translation>
    </message>
    <message>
        <source>%1: archivos con líneas del periodo o de la línea base: %2 (%3).</source>
        <translation>%1: files with lines of the period or the baseline: %2 (%3).</translation>
    </message>
    <message>
        <source>%1: no se pudo obtener el SHA-256 de %2 en el servidor: %3</source>
        <translation>%1: could not get the SHA-256 of %2 on the server: %3</translation>
    </message>
    <message>
        <source>%1: %2 ya está en el paquete con el mismo SHA-256; no se vuelve a copiar.</source>
        <translation>%1: %2 is already in the package with the same SHA-256; not copied again.</translation>
    </message>
    <message>
        <source>%1: %2 continúa desde el byte %3 de la copia comprimida (%4 ya recibidos).</source>
        <translation>%1: %2 goes on from byte %3 of the compressed copy (%4 already received).</translation>
    </message>
    <message>
        <source>%1: este tipo de conexión no puede copiar archivos.</source>
        <translation>%1: this kind of connection cannot copy files.</translation>
    </message>
    <message>
        <source>%1: no se pudo copiar %2: %3</source>
        <translation>%1: could not copy %2: %3</translation>
    </message>
    <message>
        <source>%1: la conexión se cayó %2 veces copiando %3: %4</source>
        <translation>%1: the connection dropped %2 times while copying %3: %4</translation>
    </message>
    <message>
        <source>%1: se perdió la conexión copiando %2 (%3); se continúa al reconectar.</source>
        <translation>%1: the connection was lost while copying %2 (%3); the copy goes on after reconnecting.</translation>
    </message>
    <message>
        <source>%1: se recibieron %2 bytes de %3 y no %4 (¿se truncó en el servidor?).</source>
        <translation>%1: received %2 bytes of %3, not %4 (was it truncated on the server?).</translation>
    </message>
    <message>
        <source>%1: la copia continuada de %2 no coincide con el SHA-256 del servidor; ese archivo se copia de nuevo desde el principio.</source>
        <translation>%1: the continued copy of %2 does not match the server&apos;s SHA-256; that file is copied again from the start.</translation>
    </message>
    <message>
        <source>%1: %2 no coincide con el SHA-256 tomado en el servidor (%3): %4</source>
        <translation>%1: %2 does not match the SHA-256 taken on the server (%3): %4</translation>
    </message>
    <message>
        <source>%1: %2 copiado y verificado (%3, %4 por la red, SHA-256 %5).</source>
        <translation>%1: %2 copied and verified (%3, %4 over the link, SHA-256 %5).</translation>
    </message>
    <message>
        <source>%1: líneas del periodo: %2, en %3 (%4).</source>
        <translation>%1: lines of the period: %2, in %3 (%4).</translation>
    </message>
    <message>
        <source>zlib no pudo empezar a descomprimir %1.</source>
        <translation>zlib could not start decompressing %1.</translation>
    </message>
    <message>
        <source>%1 no es un gzip válido (zlib: %2).</source>
        <translation>%1 is not valid gzip (zlib: %2).</translation>
    </message>
    <message>
        <source>%1 está truncado (el gzip no termina).</source>
        <translation>%1 is truncated (the gzip stream does not end).</translation>
    </message>
    <message>
        <source>zlib no pudo comprimir.</source>
        <translation>zlib could not compress.</translation>
    </message>
    <message>
        <source>zlib no pudo empezar a comprimir.</source>
        <translation>zlib could not start compressing.</translation>
    </message>
    <message>
        <source>%1 s ± %2 s</source>
        <translation>%1 s ± %2 s</translation>
    </message>
    <message>
        <source>No se puede vigilar una ruta del perfil</source>
        <translation>A profile path cannot be watched</translation>
    </message>
    <message>
        <source>No se puede vigilar %1 (%2): %3</source>
        <translation>Cannot watch %1 (%2): %3</translation>
    </message>
    <message>
        <source>no había una guardada</source>
        <translation>none was stored</translation>
    </message>
    <message>
        <source>la guardada, del %1, tiene más de una hora</source>
        <translation>the stored one, from %1, is over an hour old</translation>
    </message>
    <message>
        <source>La revisión de infraestructura no pudo correr (%1): %2</source>
        <translation>The infrastructure check could not run (%1): %2</translation>
    </message>
    <message>
        <source>sin conexión</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>Revisión de infraestructura ahora (%1)…</source>
        <translation>Infrastructure check now (%1)…</translation>
    </message>
    <message>
        <source>Revisión de ahora, %1 (%2)</source>
        <translation>Check run now, %1 (%2)</translation>
    </message>
    <message>
        <source> (no se guardó: %1)</source>
        <translation> (not saved: %1)</translation>
    </message>
    <message>
        <source>No se pudo abrir el programa de la ventana (%1): %2</source>
        <translation>Could not start the window&apos;s program (%1): %2</translation>
    </message>
</context>
<context>
    <name>difusor::sandbox::ControlClient</name>
    <message>
        <source>El simulador respondió algo que no se entiende.</source>
        <translation>The simulator answered something that cannot be understood.</translation>
    </message>
    <message>
        <source>No se pudo hablar con el simulador (%1): %2</source>
        <translation>Could not talk to the simulator (%1): %2</translation>
    </message>
    <message>
        <source>El simulador cerró el canal de control sin responder.</source>
        <translation>The simulator closed the control channel without answering.</translation>
    </message>
    <message>
        <source>El simulador no respondió.</source>
        <translation>The simulator did not answer.</translation>
    </message>
</context>
<context>
    <name>difusor::sandbox::Sandbox</name>
    <message>
        <source>El simulador no está en marcha.</source>
        <translation>The simulator is not running.</translation>
    </message>
    <message>
        <source>Corte retrasado</source>
        <translation>Late cut</translation>
    </message>
    <message>
        <source>El siguiente corte llega al difusor con retraso (el PREP oficial lo publica a tiempo).</source>
        <translation>The next cut reaches the difusor late (the official PREP publishes it on time).</translation>
    </message>
    <message>
        <source>Corte omitido</source>
        <translation>Skipped cut</translation>
    </message>
    <message>
        <source>El siguiente corte no se publica.</source>
        <translation>The next cut is not published.</translation>
    </message>
    <message>
        <source>Sitio desactualizado</source>
        <translation>Stale site</translation>
    </message>
    <message>
        <source>Los cortes llegan, pero la página del difusor sigue mostrando el anterior.</source>
        <translation>Cuts arrive, but the difusor&apos;s page keeps showing the previous one.</translation>
    </message>
    <message>
        <source>Sitio caído</source>
        <translation>Site down</translation>
    </message>
    <message>
        <source>Se detiene el nginx del difusor y se vuelve a iniciar después.</source>
        <translation>The difusor&apos;s nginx is stopped and started again later.</translation>
    </message>
    <message>
        <source>Ráfaga de errores 5xx</source>
        <translation>Burst of 5xx errors</translation>
    </message>
    <message>
        <source>El difusor responde 503 a las páginas durante un tiempo.</source>
        <translation>The difusor answers 503 to pages for a while.</translation>
    </message>
    <message>
        <source>Pico de tráfico</source>
        <translation>Traffic spike</translation>
    </message>
    <message>
        <source>Los visitantes se multiplican durante un tiempo.</source>
        <translation>Visitors multiply for a while.</translation>
    </message>
    <message>
        <source>Corte que retrocede</source>
        <translation>Cut going backwards</translation>
    </message>
    <message>
        <source>El siguiente corte lleva una hora anterior (y menos actas) que el último.</source>
        <translation>The next cut carries an earlier time (and fewer actas) than the last one.</translation>
    </message>
    <message>
        <source>Reloj desfasado</source>
        <translation>Clock offset</translation>
    </message>
    <message>
        <source>Las horas publicadas por el difusor se desfasan durante un tiempo.</source>
        <translation>The times published by the difusor are offset for a while.</translation>
    </message>
    <message>
        <source>Rotación del registro de accesos</source>
        <translation>Access log rotation</translation>
    </message>
    <message>
        <source>Se rota el access.log del difusor (renombrar y reabrir, o copiar y truncar).</source>
        <translation>The difusor&apos;s access.log is rotated (rename and reopen, or copy and truncate).</translation>
    </message>
    <message>
        <source>El simulador necesita %1, que no está instalado. Instálelo con: sudo apt install %2</source>
        <translation>The simulator needs %1, which is not installed. Install it with: sudo apt install %2</translation>
    </message>
    <message>
        <source>No se pudo crear la carpeta temporal del simulador: %1</source>
        <translation>Could not create the simulator&apos;s temporary folder: %1</translation>
    </message>
    <message>
        <source>%1 terminó inesperadamente.</source>
        <translation>%1 ended unexpectedly.</translation>
    </message>
    <message>
        <source>Preparando el simulador en %1…</source>
        <translation>Preparing the simulator in %1…</translation>
    </message>
    <message>
        <source>Difusor de prueba (simulador)</source>
        <translation>Test difusor (simulator)</translation>
    </message>
    <message>
        <source>Simulador listo en %1 ms.</source>
        <translation>Simulator ready in %1 ms.</translation>
    </message>
    <message>
        <source>Deteniendo el simulador…</source>
        <translation>Stopping the simulator…</translation>
    </message>
    <message>
        <source>Esa falla ya está en curso; espere a que termine.</source>
        <translation>That fault is already in progress; wait for it to end.</translation>
    </message>
    <message>
        <source>No se pudo crear %1.</source>
        <translation>Could not create %1.</translation>
    </message>
</context>
<context>
    <name>difusor::sandbox::ServerSet</name>
    <message>
        <source>Generando las llaves SSH del simulador…</source>
        <translation>Generating the simulator&apos;s SSH keys…</translation>
    </message>
    <message>
        <source>ssh-keygen no pudo generar %1: %2</source>
        <translation>ssh-keygen could not generate %1: %2</translation>
    </message>
    <message>
        <source>No se pudo ejecutar ssh-keygen: %1</source>
        <translation>Could not run ssh-keygen: %1</translation>
    </message>
    <message>
        <source>No se pudo escribir %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>No hay puertos libres en 127.0.0.1: %1</source>
        <translation>There are no free ports on 127.0.0.1: %1</translation>
    </message>
    <message>
        <source>Iniciando sshd, rsync y nginx…</source>
        <translation>Starting sshd, rsync and nginx…</translation>
    </message>
    <message>
        <source>No se pudo escribir la configuración %1.</source>
        <translation>Could not write the configuration %1.</translation>
    </message>
    <message>
        <source>No se pudo ejecutar %1: %2</source>
        <translation>Could not run %1: %2</translation>
    </message>
    <message>
        <source>%1 terminó al iniciar: %2</source>
        <translation>%1 ended while starting: %2</translation>
    </message>
</context>
<context>
    <name>difusor::ui::AlertBanner</name>
    <message>
        <source>Reconocer</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation>View</translation>
    </message>
    <message>
        <source>y %1 más</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reconocer el aviso «%1»</source>
        <translation>Acknowledge the alert “%1”</translation>
    </message>
    <message>
        <source>Ver el aviso «%1»</source>
        <translation>View the alert “%1”</translation>
    </message>
</context>
<context>
    <name>difusor::ui::AttestationDialog</name>
    <message>
        <source>Se cumple</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>No se cumple</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Registrar atestación</source>
        <translation>Record attestation</translation>
    </message>
    <message>
        <source>Nombre y cargo</source>
        <translation>Name and position</translation>
    </message>
    <message>
        <source>Qué se declara y con qué respaldo (contrato, factura, fotografía…)</source>
        <translation>What is declared and what backs it (contract, invoice, photo…)</translation>
    </message>
    <message>
        <source>Verificación:</source>
        <translation>Check:</translation>
    </message>
    <message>
        <source>Quién declara:</source>
        <translation>Declared by:</translation>
    </message>
    <message>
        <source>Declaración:</source>
        <translation>Statement:</translation>
    </message>
    <message>
        <source>Resultado:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Atestación vigente: %1, %2 (%3). Guardar la reemplaza.</source>
        <translation>Current attestation: %1, %2 (%3). Saving replaces it.</translation>
    </message>
    <message>
        <source>se cumple</source>
        <translation>met</translation>
    </message>
    <message>
        <source>no se cumple</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>Sin atestación registrada para esta verificación.</source>
        <translation>No attestation recorded for this check.</translation>
    </message>
    <message>
        <source>Indique quién hace la declaración.</source>
        <translation>Enter who makes the statement.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CheckTreeModel</name>
    <message>
        <source>Verificación</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Cambio</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Red y seguridad</source>
        <translation>Network and security</translation>
    </message>
    <message>
        <source>%1 de %2 cumplen</source>
        <translation>%1 of %2 pass</translation>
    </message>
    <message>
        <source>1 no cumple</source>
        <translation>1 fails</translation>
    </message>
    <message>
        <source>%1 no cumplen</source>
        <translation>%1 fail</translation>
    </message>
    <message>
        <source>nueva</source>
        <translation>new</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Cambió desde la verificación anterior</source>
        <translation>Changed since the previous check</translation>
    </message>
    <message>
        <source>Rutas y URL del perfil</source>
        <translation>Profile paths and URLs</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CommandLogDock</name>
    <message>
        <source>Comandos</source>
        <translation>Commands</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CommandLogModel</name>
    <message>
        <source>en curso</source>
        <translation>running</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>salida %1: %2</source>
        <translation>exit %1: %2</translation>
    </message>
    <message>
        <source>sin estado de salida</source>
        <translation>no exit status</translation>
    </message>
    <message>
        <source>salida %1</source>
        <translation>exit %1</translation>
    </message>
    <message>
        <source>comando</source>
        <translation>command</translation>
    </message>
    <message>
        <source>flujo</source>
        <translation>stream</translation>
    </message>
    <message>
        <source>descarga</source>
        <translation>download</translation>
    </message>
    <message>
        <source>Hora (UTC-6)</source>
        <translation>Time (UTC-6)</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Comando</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Duración</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ConnectionController</name>
    <message>
        <source>La conexión sigue, pero el secreto no se guardó en el llavero del sistema (%1); se pedirá de nuevo la próxima vez.</source>
        <translation>Still connected, but the secret was not saved in the system keychain (%1); it will be asked for again next time.</translation>
    </message>
    <message>
        <source>No se pudo preparar la conexión a %1.</source>
        <translation>Could not prepare the connection to %1.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ConnectionPage</name>
    <message>
        <source>llave privada</source>
        <translation>private key</translation>
    </message>
    <message>
        <source>agente SSH</source>
        <translation>SSH agent</translation>
    </message>
    <message>
        <source>contraseña</source>
        <translation>password</translation>
    </message>
    <message>
        <source>teclado interactivo</source>
        <translation>keyboard-interactive</translation>
    </message>
    <message>
        <source>&amp;Nuevo…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Editar…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>E&amp;liminar</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>&amp;Conectar</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>&amp;Desconectar</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Conexión&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Connection&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Elija el perfil del servidor del difusor y conéctese por SSH. Cada comando que la consola ejecute quedará en el panel «Comandos».</source>
        <translation>Choose the profile of the difusor&apos;s server and connect over SSH. Every command the console runs will be listed in the “Commands” pane.</translation>
    </message>
    <message>
        <source>Perfil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>%1 (no se pudo leer)</source>
        <translation>%1 (could not be read)</translation>
    </message>
    <message>
        <source>Perfiles guardados en %1</source>
        <translation>Profiles saved in %1</translation>
    </message>
    <message>
        <source>Aún no hay perfiles. Cree uno con «Nuevo…».</source>
        <translation>There are no profiles yet. Create one with “New…”.</translation>
    </message>
    <message>
        <source>Este archivo de perfil no se pudo leer: %1</source>
        <translation>This profile file could not be read: %1</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Autenticación</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Llave</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>las de ~/.ssh</source>
        <translation>the ones in ~/.ssh</translation>
    </message>
    <message>
        <source>Carpeta de publicación</source>
        <translation>Publication folder</translation>
    </message>
    <message>
        <source>Bitácora de accesos</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>URL del difusor</source>
        <translation>Difusor URL</translation>
    </message>
    <message>
        <source>URL del PREP oficial</source>
        <translation>Official PREP URL</translation>
    </message>
    <message>
        <source>Intervalo entre cortes</source>
        <translation>Interval between cuts</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>IP de confianza</source>
        <translation>Trusted IPs</translation>
    </message>
    <message>
        <source>Eliminar perfil</source>
        <translation>Delete profile</translation>
    </message>
    <message>
        <source>¿Eliminar el perfil «%1»? Las contraseñas recordadas para él también se olvidan.</source>
        <translation>Delete the profile “%1”? The passwords remembered for it are forgotten too.</translation>
    </message>
    <message>
        <source>Sistema del servidor conectado: %1</source>
        <translation>System of the connected server: %1</translation>
    </message>
    <message>
        <source>Conectar &amp;además</source>
        <translation>Connect &amp;also</translation>
    </message>
    <message>
        <source>Vigila este servidor además de los ya conectados (primario y réplica, origen y CDN).</source>
        <translation>Watches this server besides the ones already connected (primary and replica, origin and CDN).</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ConnectionStatus</name>
    <message>
        <source>RTT: —</source>
        <translation>RTT: —</translation>
    </message>
    <message>
        <source>Tiempo de ida y vuelta de la última medición con el servidor</source>
        <translation>Round-trip time of the last measurement with the server</translation>
    </message>
    <message>
        <source>Sin servidor</source>
        <translation>No server</translation>
    </message>
    <message>
        <source>Servidor: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>RTT: %1 ms</source>
        <translation>RTT: %1 ms</translation>
    </message>
    <message>
        <source>RTT: &lt; 1 ms</source>
        <translation>RTT: &lt; 1 ms</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsHeader</name>
    <message>
        <source>Corte actual (%1)</source>
        <translation>Current cut (%1)</translation>
    </message>
    <message>
        <source>Antigüedad del corte</source>
        <translation>Cut age</translation>
    </message>
    <message>
        <source>Desfase actual</source>
        <translation>Current lag</translation>
    </message>
    <message>
        <source>Próximo corte (%1)</source>
        <translation>Next cut (%1)</translation>
    </message>
    <message>
        <source>También: %1</source>
        <translation>Also: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>ninguno todavía</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>%1 · llegó a las %2</source>
        <translation>%1 · arrived at %2</translation>
    </message>
    <message>
        <source>sin medir aún</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>en curso: falta en nuestro sitio</source>
        <translation>ongoing: not on our site yet</translation>
    </message>
    <message>
        <source>nuestro sitio − PREP oficial</source>
        <translation>our site − official PREP</translation>
    </message>
    <message>
        <source>desde que llegó</source>
        <translation>since it arrived</translation>
    </message>
    <message>
        <source>desde la hora del corte</source>
        <translation>since the cut time</translation>
    </message>
    <message>
        <source>llegaría a las %1 (en %2)</source>
        <translation>due at %1 (in %2)</translation>
    </message>
    <message>
        <source>esperado a las %1: %2 de retraso</source>
        <translation>due at %1: %2 late</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsLagChart</name>
    <message>
        <source>Desfase por corte: nuestro sitio − PREP oficial</source>
        <translation>Lag per cut: our site − official PREP</translation>
    </message>
    <message>
        <source>Desfase (s)</source>
        <translation>Lag (s)</translation>
    </message>
    <message>
        <source>Hora del corte (%1)</source>
        <translation>Cut time (%1)</translation>
    </message>
    <message>
        <source>segundos</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>Máximo permitido: %1 s</source>
        <translation>Maximum allowed: %1 s</translation>
    </message>
    <message>
        <source>Sobre el máximo</source>
        <translation>Over the maximum</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsPage</name>
    <message>
        <source>%1 Lo que no se guardó no se muestra.</source>
        <translation>%1 Anything not saved is not shown.</translation>
    </message>
    <message>
        <source>Desconectado: se muestra lo último medido.</source>
        <translation>Disconnected: showing the last measurements.</translation>
    </message>
    <message>
        <source>Leyendo el historial de cortes…</source>
        <translation>Reading the cut history…</translation>
    </message>
    <message>
        <source>La base de datos no está abierta: sin historial (lo nuevo tampoco podrá guardarse).</source>
        <translation>The database is not open: no history (new data cannot be saved either).</translation>
    </message>
    <message>
        <source>Historial al conectar: ningún corte guardado antes de este servidor.</source>
        <translation>History at connect: no cut saved earlier for this server.</translation>
    </message>
    <message numerus="yes">
        <source>Historial: los %n cortes guardados antes de este servidor (el perfil y la llave del servidor; los de otros servidores no se muestran).</source>
        <translation>
            <numerusform>History: the %n cut saved earlier for this server (the profile and the server&apos;s host key; other servers&apos; cuts are not shown).</numerusform>
            <numerusform>History: the %n cuts saved earlier for this server (the profile and the server&apos;s host key; other servers&apos; cuts are not shown).</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigilando: %1.</source>
        <translation>Watching: %1.</translation>
    </message>
    <message>
        <source>Horas del centro de México (%1).</source>
        <translation>All times are Central Mexico time (%1).</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsStatus</name>
    <message>
        <source>Corte hacia atrás</source>
        <translation>Cut going backwards</translation>
    </message>
    <message>
        <source>Sitio desactualizado</source>
        <translation>Stale site</translation>
    </message>
    <message>
        <source>Corte atrasado</source>
        <translation>Late cut</translation>
    </message>
    <message>
        <source>Desfase &gt; %1 s</source>
        <translation>Lag &gt; %1 s</translation>
    </message>
    <message>
        <source>Nuestro sitio no responde</source>
        <translation>Our site is not answering</translation>
    </message>
    <message>
        <source>El PREP oficial no responde</source>
        <translation>The official PREP is not answering</translation>
    </message>
    <message>
        <source>Nuestro sitio da error HTTP</source>
        <translation>Our site returns an HTTP error</translation>
    </message>
    <message>
        <source>El PREP oficial da error HTTP</source>
        <translation>The official PREP returns an HTTP error</translation>
    </message>
    <message>
        <source>Certificado de nuestro sitio no válido</source>
        <translation>Our site&apos;s certificate is invalid</translation>
    </message>
    <message>
        <source>Certificado del PREP oficial no válido</source>
        <translation>The official PREP&apos;s certificate is invalid</translation>
    </message>
    <message>
        <source>Nuestro sitio no muestra la hora de corte</source>
        <translation>Our site does not show the cut time</translation>
    </message>
    <message>
        <source>El PREP oficial no muestra la hora de corte</source>
        <translation>The official PREP does not show the cut time</translation>
    </message>
    <message>
        <source>Reloj del servidor desfasado</source>
        <translation>Server clock offset</translation>
    </message>
    <message>
        <source>Corte omitido</source>
        <translation>Skipped cut</translation>
    </message>
    <message>
        <source>Sin vigilancia</source>
        <translation>Not watching</translation>
    </message>
    <message>
        <source>Conéctese a un servidor para vigilar sus cortes.</source>
        <translation>Connect to a server to watch its cuts.</translation>
    </message>
    <message>
        <source>Carpeta sin vigilar</source>
        <translation>Folder not watched</translation>
    </message>
    <message>
        <source>Esperando el primer corte</source>
        <translation>Waiting for the first cut</translation>
    </message>
    <message>
        <source>Aún no hay cortes en la carpeta de publicación ni en los sitios.</source>
        <translation>No cuts yet in the publication folder or on the sites.</translation>
    </message>
    <message>
        <source>En tiempo</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Sin incidentes abiertos de cortes ni de publicación.</source>
        <translation>No open cut or publication incidents.</translation>
    </message>
    <message>
        <source>Paquete ilegible</source>
        <translation>Unreadable package</translation>
    </message>
    <message>
        <source>Nombre del paquete no coincide</source>
        <translation>Package name mismatch</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>En tiempo</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Desfase &gt; %1 s</source>
        <translation>Lag &gt; %1 s</translation>
    </message>
    <message>
        <source>Falta en nuestro sitio</source>
        <translation>Missing on our site</translation>
    </message>
    <message>
        <source>En el servidor, sin publicar</source>
        <translation>On the server, not published</translation>
    </message>
    <message>
        <source>No llegó al servidor</source>
        <translation>Did not reach the server</translation>
    </message>
    <message>
        <source>El oficial aún no lo muestra</source>
        <translation>Not on the official PREP yet</translation>
    </message>
    <message>
        <source>Nuestro sitio lo mostró a más tardar %1 s después del PREP oficial.</source>
        <translation>Our site showed it no more than %1 s after the official PREP.</translation>
    </message>
    <message>
        <source>Nuestro sitio lo mostró más de %1 s después del PREP oficial.</source>
        <translation>Our site showed it more than %1 s after the official PREP.</translation>
    </message>
    <message>
        <source>El PREP oficial ya lo muestra; nuestro sitio aún no.</source>
        <translation>The official PREP already shows it; our site does not yet.</translation>
    </message>
    <message>
        <source>Llegó a la carpeta de publicación; ningún sitio lo muestra aún.</source>
        <translation>It reached the publication folder; no site shows it yet.</translation>
    </message>
    <message>
        <source>Un sitio lo mostró, pero ningún paquete de este corte llegó a nuestro servidor.</source>
        <translation>A site showed it, but no package of this cut reached our server.</translation>
    </message>
    <message>
        <source>Nuestro sitio ya lo muestra; el PREP oficial aún no.</source>
        <translation>Our site already shows it; the official PREP does not yet.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (recuperado)</source>
        <translation>%1 (recovered)</translation>
    </message>
    <message>
        <source>%1
Paquete: %2</source>
        <translation>%1
Package: %2</translation>
    </message>
    <message>
        <source>Ningún paquete de este corte llegó a la carpeta de publicación.</source>
        <translation>No package of this cut reached the publication folder.</translation>
    </message>
    <message>
        <source>%1
Llegó mientras la consola no vigilaba: hora tomada del archivo.</source>
        <translation>%1
Arrived while the console was not watching: time taken from the file.</translation>
    </message>
    <message>
        <source>Nuestro sitio menos el PREP oficial (primera vez que cada uno lo mostró)</source>
        <translation>Our site minus the official PREP (the first time each one showed it)</translation>
    </message>
    <message>
        <source>Cuando el paquete llegó a la carpeta de publicación (reloj de la consola)</source>
        <translation>When the package reached the publication folder (console clock)</translation>
    </message>
    <message>
        <source>Primera vez que el PREP oficial mostró este corte</source>
        <translation>First time the official PREP showed this cut</translation>
    </message>
    <message>
        <source>Primera vez que nuestro sitio mostró este corte</source>
        <translation>First time our site showed this cut</translation>
    </message>
    <message>
        <source>Nuestro sitio menos el PREP oficial</source>
        <translation>Our site minus the official PREP</translation>
    </message>
    <message>
        <source>Corte
(%1)</source>
        <translation>Cut
(%1)</translation>
    </message>
    <message>
        <source>Llegada
(%1)</source>
        <translation>Arrival
(%1)</translation>
    </message>
    <message>
        <source>PREP oficial
(%1)</source>
        <translation>Official PREP
(%1)</translation>
    </message>
    <message>
        <source>Nuestro sitio
(%1)</source>
        <translation>Our site
(%1)</translation>
    </message>
    <message>
        <source>Desfase</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Omitido</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Este corte no llegó y el siguiente sí: falta en la secuencia (ningún sitio lo ha mostrado).</source>
        <translation>This cut never came and the next one did: a gap in the sequence (no site has shown it).</translation>
    </message>
    <message>
        <source>Ilegible</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>Publicado, sin medir</source>
        <translation>Published, not measured</translation>
    </message>
    <message>
        <source>El paquete de este corte llegó a la carpeta de publicación, pero no se puede leer.</source>
        <translation>The package of this cut reached the publication folder, but it cannot be read.</translation>
    </message>
    <message>
        <source>Ambos sitios lo muestran, pero uno ya lo mostraba al empezar la vigilancia: el desfase no se midió.</source>
        <translation>Both sites show it, but one already did when watching began: the lag was not measured.</translation>
    </message>
    <message>
        <source>antes de vigilar</source>
        <translation>before watching</translation>
    </message>
    <message>
        <source>sin medir</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>%1
Paquete %2: %3</source>
        <translation>%1
Package %2: %3</translation>
    </message>
    <message>
        <source>%1 ± %2 s</source>
        <translation>%1 ± %2 s</translation>
    </message>
    <message>
        <source>Nuestro sitio menos el PREP oficial (primera vez que cada uno lo mostró).
Incertidumbre: ± %1 ms (el tiempo entre las lecturas de cada sitio que no lo mostraban y las que lo mostraron).</source>
        <translation>Our site minus the official PREP (first time each showed it).
Uncertainty: ± %1 ms (the time between each site&apos;s reads that did not show it and those that did).</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsTimelineChart</name>
    <message>
        <source>Corte esperado</source>
        <translation>Expected cut</translation>
    </message>
    <message>
        <source>Llegada real</source>
        <translation>Actual arrival</translation>
    </message>
    <message>
        <source>Nada llegó a tiempo</source>
        <translation>Nothing arrived in time</translation>
    </message>
    <message>
        <source>Hora de llegada (%1)</source>
        <translation>Arrival time (%1)</translation>
    </message>
    <message>
        <source>Retraso (s)</source>
        <translation>Delay (s)</translation>
    </message>
    <message>
        <source>Retraso (min)</source>
        <translation>Delay (min)</translation>
    </message>
    <message>
        <source>Llegadas de cortes: una esperada cada %1 (margen %2) y las reales</source>
        <translation>Cut arrivals: one expected every %1 (margin %2) and the actual ones</translation>
    </message>
</context>
<context>
    <name>difusor::ui::CutsWatch</name>
    <message>
        <source>Carpeta de publicación %1: iniciando la vigilancia…</source>
        <translation>Publication folder %1: starting to watch…</translation>
    </message>
    <message>
        <source>Carpeta de publicación %1: vigilada (%2).</source>
        <translation>Publication folder %1: watched (%2).</translation>
    </message>
    <message>
        <source>Carpeta de publicación %1: vigilancia interrumpida, reanudando; lo que llegue mientras tanto se recupera al volver.</source>
        <translation>Publication folder %1: watch interrupted, resuming; anything that arrives meanwhile is recovered once it is back.</translation>
    </message>
    <message>
        <source>Carpeta de publicación %1: la vigilancia falló.</source>
        <translation>Publication folder %1: watching failed.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::DemoController</name>
    <message>
        <source>Simulación: %1</source>
        <translation>Simulation: %1</translation>
    </message>
    <message>
        <source>Simulación: arrancando el difusor de prueba…</source>
        <translation>Simulation: starting the test difusor…</translation>
    </message>
    <message>
        <source>Difusor de prueba</source>
        <translation>Test difusor</translation>
    </message>
    <message>
        <source>Simulación lista: difusor de prueba en %1:%2</source>
        <translation>Simulation ready: test difusor at %1:%2</translation>
    </message>
    <message>
        <source>Simulación</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>No se pudo arrancar el difusor de prueba:
%1</source>
        <translation>Could not start the test difusor:
%1</translation>
    </message>
    <message>
        <source>Falla inyectada: %1</source>
        <translation>Fault injected: %1</translation>
    </message>
</context>
<context>
    <name>difusor::ui::DesktopNotifier</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>sin bus de sesión D-Bus</source>
        <translation>no D-Bus session bus</translation>
    </message>
    <message>
        <source>No hay servicio de notificaciones de escritorio (%1): los avisos se muestran en la bandeja del sistema y en la ventana.</source>
        <translation>No desktop notification service (%1): alerts are shown in the system tray and in the window.</translation>
    </message>
    <message>
        <source>No hay servicio de notificaciones de escritorio ni bandeja del sistema (%1): los avisos solo se muestran en la ventana.</source>
        <translation>No desktop notification service and no system tray (%1): alerts are shown in the window only.</translation>
    </message>
    <message>
        <source>Reconocer</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation>View</translation>
    </message>
    <message>
        <source>No se pudo mostrar la notificación de escritorio «%1»: %2</source>
        <translation>Could not show the desktop notification “%1”: %2</translation>
    </message>
    <message>
        <source>No se pudo retirar la notificación de escritorio «%1»: %2</source>
        <translation>Could not withdraw the desktop notification “%1”: %2</translation>
    </message>
    <message>
        <source>Consola del difusor PREP</source>
        <translation>PREP difusor console</translation>
    </message>
</context>
<context>
    <name>difusor::ui::DrillProgress</name>
    <message>
        <source>Preparando</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Conectando</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Observando antes de empezar</source>
        <translation>Watching before starting</translation>
    </message>
    <message>
        <source>Estado estable (antes)</source>
        <translation>Steady state (before)</translation>
    </message>
    <message>
        <source>Inyectando fallas</source>
        <translation>Injecting faults</translation>
    </message>
    <message>
        <source>Esperando lo esperado</source>
        <translation>Waiting for what is expected</translation>
    </message>
    <message>
        <source>Estado estable (después)</source>
        <translation>Steady state (after)</translation>
    </message>
    <message>
        <source>Reversiones</source>
        <translation>Rollbacks</translation>
    </message>
    <message>
        <source>Terminado</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>■ &amp;Detener el simulacro</source>
        <translation>■ &amp;Stop the drill</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Incidente
esperado</source>
        <translation>Expected
incident</translation>
    </message>
    <message>
        <source>Falla</source>
        <translation>Fault</translation>
    </message>
    <message>
        <source>Visto</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Tiempo
a detectar</source>
        <translation>Time
to detect</translation>
    </message>
    <message>
        <source>Límite</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Detiene el simulacro: termina las fallas en curso (las reversiones siempre corren) y guarda lo visto.</source>
        <translation>Stops the drill: ends the faults in progress (the rollbacks always run) and saves what was seen.</translation>
    </message>
    <message>
        <source>Deteniendo: las reversiones se están ejecutando (las fallas en curso terminan); espere.</source>
        <translation>Stopping: the rollbacks are running (the faults in progress are being ended); please wait.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Esperado y visto&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;Expected and seen&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bitácora del simulacro&lt;/b&gt;</source>
        <translation>&lt;b&gt;Drill log&lt;/b&gt;</translation>
    </message>
    <message>
        <source>En curso: «%1» en %2</source>
        <translation>Running: “%1” on %2</translation>
    </message>
    <message>
        <source>Empezando…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>✔ cumplida</source>
        <translation>✔ passed</translation>
    </message>
    <message>
        <source>✖ no cumplida</source>
        <translation>✖ not passed</translation>
    </message>
    <message>
        <source>· falla por inyectar</source>
        <translation>· fault not injected yet</translation>
    </message>
    <message>
        <source>… visto, esperando su resolución</source>
        <translation>… seen, waiting for its resolution</translation>
    </message>
    <message>
        <source>… esperando</source>
        <translation>… waiting</translation>
    </message>
    <message>
        <source>ningún %1</source>
        <translation>no %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>faltan unos %1 de lo previsto</source>
        <translation>about %1 left of the expected time</translation>
    </message>
    <message>
        <source>%1 más de lo previsto</source>
        <translation>%1 over the expected time</translation>
    </message>
    <message>
        <source>Transcurrido %1 · previsto %2 (%3) · tope %4, quedan %5</source>
        <translation>Elapsed %1 · expected %2 (%3) · limit %4, %5 left</translation>
    </message>
</context>
<context>
    <name>difusor::ui::DrillReport</name>
    <message>
        <source>Guardar &amp;JSON…</source>
        <translation>Save &amp;JSON…</translation>
    </message>
    <message>
        <source>El diario completo del simulacro (forma de Chaos Toolkit), como lo imprime «drill run --format json».</source>
        <translation>The drill&apos;s whole journal (Chaos Toolkit&apos;s shape), as “drill run --format json” prints it.</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Incidente
esperado</source>
        <translation>Expected
incident</translation>
    </message>
    <message>
        <source>Falla</source>
        <translation>Fault</translation>
    </message>
    <message>
        <source>Detectado</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Tiempo
a detectar</source>
        <translation>Time
to detect</translation>
    </message>
    <message>
        <source>Reconocido</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Tiempo
a reconocer</source>
        <translation>Time to
acknowledge</translation>
    </message>
    <message>
        <source>Por qué</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Papel</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Incidente</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Resuelto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Reversión</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duración</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lo esperado&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;Expectations&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Falsas alarmas y otros incidentes&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;False alarms and other incidents&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reversiones&lt;/b&gt;</source>
        <translation>&lt;b&gt;Rollbacks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sin reporte</source>
        <translation>No report</translation>
    </message>
    <message>
        <source>Este simulacro no tiene diario: sigue en curso, o la consola se cerró antes de terminarlo.</source>
        <translation>This drill has no journal: it is still running, or the console closed before it ended.</translation>
    </message>
    <message>
        <source>%1 %2 — «%3»</source>
        <translation>%1 %2 — “%3”</translation>
    </message>
    <message>
        <source>Puntuación %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <source>Escenario %1 · servidor %2 · técnico %3 · inicio %4 · duración %5</source>
        <translation>Scenario %1 · server %2 · technician %3 · start %4 · duration %5</translation>
    </message>
    <message>
        <source>Detenido: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>El estado estable no volvió después de las fallas.</source>
        <translation>The steady state did not come back after the faults.</translation>
    </message>
    <message>
        <source>No se guardó en la base: %1</source>
        <translation>Not saved in the database: %1</translation>
    </message>
    <message>
        <source>ningún %1</source>
        <translation>no %1</translation>
    </message>
    <message>
        <source>%1 por %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>✔ cumplida</source>
        <translation>✔ passed</translation>
    </message>
    <message>
        <source>✖ no cumplida</source>
        <translation>✖ not passed</translation>
    </message>
    <message>
        <source>%1 (falla «%2»), límite %3 s</source>
        <translation>%1 (fault “%2”), limit %3 s</translation>
    </message>
    <message>
        <source>✖ falsa alarma</source>
        <translation>✖ false alarm</translation>
    </message>
    <message>
        <source>otro</source>
        <translation>other</translation>
    </message>
    <message>
        <source>✔ hecha</source>
        <translation>✔ done</translation>
    </message>
    <message>
        <source>✖ falló: %1</source>
        <translation>✖ failed: %1</translation>
    </message>
    <message>
        <source>Guardar el diario del simulacro</source>
        <translation>Save the drill&apos;s journal</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::DrillsPage</name>
    <message>
        <source>cumplido</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>no cumplido</source>
        <translation>not passed</translation>
    </message>
    <message>
        <source>detenido</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>en curso o interrumpido</source>
        <translation>running or interrupted</translation>
    </message>
    <message>
        <source>rechazado</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>simulador</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>solo observar</source>
        <translation>observe only</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Simulacros&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Drills&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Quién conduce el simulacro: queda en su diario. Es el mismo nombre de la página «Incidentes».</source>
        <translation>Who runs the drill: it goes into its journal. It is the same name as on the “Incidents” page.</translation>
    </message>
    <message>
        <source>&amp;Técnico:</source>
        <translation>&amp;Technician:</translation>
    </message>
    <message>
        <source>Elija un escenario y un servidor y pulse «Iniciar simulacro»; o elija un simulacro anterior para ver su reporte.

Un ensayo con fallas corre solo en el simulador (sandbox run o --demo): inyecta las fallas del escenario y comprueba que la consola abra a tiempo los incidentes esperados. Reconozca los incidentes en la página «Incidentes» como en una noche real: el reporte mide cuánto tardó.</source>
        <translation>Choose a scenario and a server and press “Start drill”; or choose a past drill to see its report.

A fault rehearsal runs only on the sandbox (sandbox run or --demo): it injects the scenario&apos;s faults and checks that the console opens the expected incidents in time. Acknowledge the incidents on the “Incidents” page as on a real night: the report measures how long it took.</translation>
    </message>
    <message>
        <source>la consola se cerró</source>
        <translation>the console was closed</translation>
    </message>
    <message>
        <source>Escenarios</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Título</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Objetivo</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Fallas</source>
        <translation>Faults</translation>
    </message>
    <message>
        <source>&amp;Cargar escenario…</source>
        <translation>&amp;Load scenario…</translation>
    </message>
    <message>
        <source>Un experimento de Chaos Toolkit con el bloque «difusor-console» (drill show NOMBRE imprime uno para empezar). Se valida al cargarlo.</source>
        <translation>A Chaos Toolkit experiment with the “difusor-console” block (drill show NAME prints one to start from). It is validated when loaded.</translation>
    </message>
    <message>
        <source>&amp;Servidor:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>▶  Iniciar simulacro</source>
        <translation>▶  Start drill</translation>
    </message>
    <message>
        <source>Ver el simulacro en curso</source>
        <translation>Show the running drill</translation>
    </message>
    <message>
        <source>&lt;h3&gt;¿Iniciar este simulacro?&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Start this drill?&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&amp;Iniciar</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;No iniciar</source>
        <translation>&amp;Do not start</translation>
    </message>
    <message>
        <source>Simulacros anteriores (todos los servidores)</source>
        <translation>Past drills (every server)</translation>
    </message>
    <message>
        <source>Inicio (UTC-6)</source>
        <translation>Started (UTC-6)</translation>
    </message>
    <message>
        <source>Escenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Puntuación</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>&amp;Actualizar</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>%1 (simulador)</source>
        <translation>%1 (sandbox)</translation>
    </message>
    <message>
        <source>Ningún perfil: conéctese a un servidor o arranque la simulación</source>
        <translation>No profile: connect to a server or start the simulation</translation>
    </message>
    <message>
        <source>%1 (archivo)</source>
        <translation>%1 (file)</translation>
    </message>
    <message>
        <source>%1
Objetivo: %2 · fallas: %3</source>
        <translation>%1
Target: %2 · faults: %3</translation>
    </message>
    <message>
        <source>ninguna</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Cargar escenario</source>
        <translation>Load scenario</translation>
    </message>
    <message>
        <source>Escenarios (*.json)</source>
        <translation>Scenarios (*.json)</translation>
    </message>
    <message>
        <source>Todos los archivos (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>%1 no es un escenario válido. Problemas: %2</source>
        <translation>%1 is not a valid scenario. Problems: %2</translation>
    </message>
    <message>
        <source>No se cargó %1: vea los problemas bajo la lista de escenarios.</source>
        <translation>%1 was not loaded: see the problems under the list of scenarios.</translation>
    </message>
    <message>
        <source>Escenario cargado: «%1» (%2).</source>
        <translation>Scenario loaded: “%1” (%2).</translation>
    </message>
    <message>
        <source>Elija primero un escenario.</source>
        <translation>Choose a scenario first.</translation>
    </message>
    <message>
        <source>Simulacro en curso…</source>
        <translation>Drill running…</translation>
    </message>
    <message>
        <source>Elija primero un servidor: conéctese a uno (página «Conexión») o arranque la consola con --demo.</source>
        <translation>Choose a server first: connect to one (“Connection” page) or start the console with --demo.</translation>
    </message>
    <message>
        <source>¿Iniciar «%1» (%2) en el servidor «%3»?</source>
        <translation>Start “%1” (%2) on server “%3”?</translation>
    </message>
    <message>
        <source>No inyecta fallas: solo observa.</source>
        <translation>It injects no fault: it only observes.</translation>
    </message>
    <message>
        <source>Fallas que inyectará: %1.</source>
        <translation>Faults it will inject: %1.</translation>
    </message>
    <message>
        <source>Duración prevista: unos %1 (a un corte cada %2 s); se detiene solo a los %3.</source>
        <translation>Expected duration: about %1 (at one cut every %2 s); it stops by itself at %3.</translation>
    </message>
    <message>
        <source>Las reversiones corren siempre: al final, al detenerlo o ante un error.</source>
        <translation>The rollbacks always run: at the end, when stopped, or on an error.</translation>
    </message>
    <message>
        <source>Elija primero un servidor.</source>
        <translation>Choose a server first.</translation>
    </message>
    <message>
        <source>Sin base de datos: un simulacro no puede registrarse, no se inició.</source>
        <translation>No database: a drill cannot be recorded, it was not started.</translation>
    </message>
    <message>
        <source>Simulacro iniciado: «%1» en %2.</source>
        <translation>Drill started: “%1” on %2.</translation>
    </message>
    <message>
        <source>Simulacro terminado: %1, puntuación %2.</source>
        <translation>Drill finished: %1, score %2.</translation>
    </message>
    <message>
        <source>«%1» en %2: %3</source>
        <translation>“%1” on %2: %3</translation>
    </message>
    <message>
        <source>✔ bien</source>
        <translation>✔ good</translation>
    </message>
    <message>
        <source>✖ falla</source>
        <translation>✖ failed</translation>
    </message>
    <message>
        <source>? sin dato</source>
        <translation>? unknown</translation>
    </message>
    <message>
        <source>Diario guardado en %1.</source>
        <translation>Journal saved to %1.</translation>
    </message>
    <message>
        <source>No se guardó el diario en %1: %2</source>
        <translation>The journal was not saved to %1: %2</translation>
    </message>
    <message>
        <source>Ahora, durante…</source>
        <translation>Now, for…</translation>
    </message>
    <message>
        <source>Tipo de simulacro</source>
        <translation>Kind of drill</translation>
    </message>
    <message>
        <source>&amp;Ensayo con fallas (solo en el simulador)</source>
        <translation>&amp;Fault rehearsal (sandbox only)</translation>
    </message>
    <message>
        <source>Inyecta fallas en el simulador y comprueba que la consola abra a tiempo los incidentes esperados.</source>
        <translation>Injects faults on the sandbox and checks that the console opens the expected incidents in time.</translation>
    </message>
    <message>
        <source>Simulacro &amp;oficial (solo observa)</source>
        <translation>&amp;Official simulacro (observe only)</translation>
    </message>
    <message>
        <source>En cualquier servidor: verificación previa, luego observa la ventana (cortes, retraso, incidentes, tráfico) y da el informe. Nunca inyecta nada.</source>
        <translation>On any server: pre-flight, then it observes the window (cuts, lag, incidents, traffic) and gives the report. It never injects anything.</translation>
    </message>
    <message>
        <source>Un simulacro oficial solo observa: en cualquier servidor, durante la ventana (las fechas oficiales son el 19 y el 26 de mayo, de 18:00 a 24:00 UTC-6) registra los cortes, el retraso en publicar contra el minuto, los incidentes y el tráfico, y al final da el informe. Nunca inyecta nada.

Primero la «Verificación previa» (seis puntos, cada uno con su evidencia), luego «Iniciar simulacro oficial». Para ensayarlo, elija «Ahora, durante…» en la ventana.</source>
        <translation>An official simulacro only observes: on any server, during the window (the official dates are 19 and 26 May, 18:00 to 24:00 UTC-6) it records the cuts, the publication lag against the minute, the incidents and the traffic, and gives the report at the end. It never injects anything.

First the &quot;Pre-flight&quot; (six items, each with its evidence), then &quot;Start official simulacro&quot;. To rehearse it, choose &quot;Now, for…&quot; as the window.</translation>
    </message>
    <message>
        <source>Simulacro oficial (solo observa)</source>
        <translation>Official simulacro (observe only)</translation>
    </message>
    <message>
        <source>Oficial: %1, 18:00–24:00</source>
        <translation>Official: %1, 18:00–24:00</translation>
    </message>
    <message>
        <source>Personalizada</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Las fechas oficiales: 19 y 26 de mayo de 2024, de 18:00 a 24:00 (UTC-6).</source>
        <translation>The official dates: 19 and 26 May 2024, 18:00 to 24:00 (UTC-6).</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Para ensayar: la ventana empieza al iniciar y dura estos minutos.</source>
        <translation>To rehearse: the window starts when you start and lasts these minutes.</translation>
    </message>
    <message>
        <source>① &amp;Verificación previa</source>
        <translation>① &amp;Pre-flight</translation>
    </message>
    <message>
        <source>Conecta con el servidor y revisa seis puntos, cada uno con su evidencia: la revisión de infraestructura, la carpeta de publicación vigilada, el último corte en nuestro sitio, el sitio responde, el reloj, el enlace al PREP oficial. No registra nada todavía.</source>
        <translation>Connects to the server and checks six items, each with its evidence: the infrastructure check, the publication folder watched, the last cut on our site, the site answering, the clock, the link to the official PREP. Nothing is recorded yet.</translation>
    </message>
    <message>
        <source>②  Iniciar simulacro oficial</source>
        <translation>②  Start official simulacro</translation>
    </message>
    <message>
        <source>UTC-6</source>
        <translation>UTC-6</translation>
    </message>
    <message>
        <source>&amp;Nombre:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Ventana:</source>
        <translation>&amp;Window:</translation>
    </message>
    <message>
        <source>&amp;Desde:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Hasta:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>La ventana empieza al pulsar «Iniciar» y dura %1 min.</source>
        <translation>The window starts when you press &quot;Start&quot; and lasts %1 min.</translation>
    </message>
    <message>
        <source>Las dos fechas oficiales (19 y 26 de mayo de 2024) ya pasaron: para ensayar, «Ahora, durante…».</source>
        <translation>Both official dates (19 and 26 May 2024) have passed: to rehearse, &quot;Now, for…&quot;.</translation>
    </message>
    <message>
        <source>Simulacro %1</source>
        <translation>Simulacro %1</translation>
    </message>
    <message>
        <source>Verificación previa en curso…</source>
        <translation>Pre-flight running…</translation>
    </message>
    <message>
        <source>① Repetir la &amp;verificación previa</source>
        <translation>① Repeat the &amp;pre-flight</translation>
    </message>
    <message>
        <source>Simulacro oficial en curso…</source>
        <translation>Official simulacro running…</translation>
    </message>
    <message>
        <source>②  Iniciar simulacro oficial (primero la verificación previa)</source>
        <translation>②  Start official simulacro (pre-flight first)</translation>
    </message>
    <message numerus="yes">
        <source>⚠  Iniciar pese a %n falla(s)…</source>
        <translation>
            <numerusform>⚠  Start despite %n failure…</numerusform>
            <numerusform>⚠  Start despite %n failures…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>②  Iniciar simulacro oficial (%n punto(s) sin dato)</source>
        <translation>
            <numerusform>②  Start official drill (%n item without data)</numerusform>
            <numerusform>②  Start official drill (%n items without data)</numerusform>
        </translation>
    </message>
    <message>
        <source>La verificación previa falló en: %1. Puede iniciar de todos modos: se pregunta antes, y el informe lo registra.</source>
        <translation>The pre-flight failed on: %1. You may start anyway: you are asked first, and the report records it.</translation>
    </message>
    <message>
        <source>verificación previa descartada</source>
        <translation>pre-flight discarded</translation>
    </message>
    <message>
        <source>Sin base de datos: un simulacro no puede registrarse.</source>
        <translation>No database: a drill cannot be recorded.</translation>
    </message>
    <message>
        <source>Simulacro</source>
        <translation>Drill</translation>
    </message>
    <message numerus="yes">
        <source>Verificación previa de %1: %n punto(s) no se cumplen: %2.</source>
        <translation>
            <numerusform>Pre-flight of %1: %n item not met: %2.</numerusform>
            <numerusform>Pre-flight of %1: %n items not met: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verificación previa de %1: los seis puntos están bien.</source>
        <translation>Pre-flight of %1: all six items are good.</translation>
    </message>
    <message numerus="yes">
        <source>Verificación previa de %1: ninguna falla, %n punto(s) sin dato.</source>
        <translation>
            <numerusform>Pre-flight of %1: no failures, %n item without data.</numerusform>
            <numerusform>Pre-flight of %1: no failures, %n items without data.</numerusform>
        </translation>
    </message>
    <message>
        <source>La ventana no es válida: «Hasta» debe ser después de «Desde».</source>
        <translation>The window is not valid: &quot;To&quot; must be after &quot;From&quot;.</translation>
    </message>
    <message>
        <source>La ventana ya terminó (%1): elija otra, o «Ahora, durante…» para ensayar.</source>
        <translation>The window has already ended (%1): choose another, or &quot;Now, for…&quot; to rehearse.</translation>
    </message>
    <message>
        <source>¿Iniciar el simulacro oficial «%1» en el servidor «%2»?</source>
        <translation>Start the official simulacro &quot;%1&quot; on the server &quot;%2&quot;?</translation>
    </message>
    <message>
        <source>Ventana: desde que pulse «Iniciar», durante %1 min.</source>
        <translation>Window: from when you press &quot;Start&quot;, for %1 min.</translation>
    </message>
    <message>
        <source>Ventana: %1 a %2.</source>
        <translation>Window: %1 to %2.</translation>
    </message>
    <message>
        <source>Solo observa: no inyecta nada. Queda registrado y al final da el informe.</source>
        <translation>Observe only: nothing is injected. It is recorded and gives the report at the end.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ La verificación previa falló en %n punto(s): %1. Si inicia, el simulacro se registra como no cumplido y el informe lo dice.</source>
        <translation>
            <numerusform>⚠ The pre-flight failed on %n item: %1. If you start, the drill is recorded as not met and the report says so.</numerusform>
            <numerusform>⚠ The pre-flight failed on %n items: %1. If you start, the drill is recorded as not met and the report says so.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>La verificación previa no tuvo fallas, pero %n punto(s) quedaron sin dato.</source>
        <translation>
            <numerusform>The pre-flight had no failures, but %n item was left without data.</numerusform>
            <numerusform>The pre-flight had no failures, but %n items were left without data.</numerusform>
        </translation>
    </message>
    <message>
        <source>La verificación previa: los seis puntos están bien.</source>
        <translation>The pre-flight: all six items are good.</translation>
    </message>
    <message>
        <source>La verificación previa ya no está lista: repítala.</source>
        <translation>The pre-flight is no longer ready: repeat it.</translation>
    </message>
    <message>
        <source>Simulacro oficial iniciado: «%1» en %2 (solo observa).</source>
        <translation>Official simulacro started: &quot;%1&quot; on %2 (observe only).</translation>
    </message>
    <message>
        <source>No se guardó el informe en la base: %1</source>
        <translation>The report was not saved in the database: %1</translation>
    </message>
    <message>
        <source>Simulacro oficial terminado: %1.</source>
        <translation>Official simulacro finished: %1.</translation>
    </message>
    <message>
        <source>oficial: %1</source>
        <translation>official: %1</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ExportPage</name>
    <message>
        <source>Comentarios y sugerencias para la memoria técnica (punto 4 de la convocatoria).</source>
        <translation>Comments and suggestions for the technical report (item 4 of the call).</translation>
    </message>
    <message>
        <source>Carpeta nueva o vacía (o un paquete interrumpido, para continuarlo)</source>
        <translation>A new or empty folder (or an interrupted package, to go on with it)</translation>
    </message>
    <message>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Verificar paquete…</source>
        <translation>Verify package…</translation>
    </message>
    <message>
        <source>Listo para exportar.</source>
        <translation>Ready to export.</translation>
    </message>
    <message>
        <source>a</source>
        <translation>to</translation>
    </message>
    <message>
        <source>(hora del centro de México, UTC-6)</source>
        <translation>(Central Mexico time, UTC-6)</translation>
    </message>
    <message>
        <source>Periodo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Línea base:</source>
        <translation>Baseline:</translation>
    </message>
    <message>
        <source>Servidores:</source>
        <translation>Servers:</translation>
    </message>
    <message>
        <source>Comentarios:</source>
        <translation>Comments:</translation>
    </message>
    <message>
        <source>Paquete:</source>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Carpeta del paquete</source>
        <translation>Package folder</translation>
    </message>
    <message>
        <source>Paquete a verificar</source>
        <translation>Package to verify</translation>
    </message>
    <message>
        <source>%1 (sin conexión)</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <source>Elija la carpeta del paquete.</source>
        <translation>Choose the package folder.</translation>
    </message>
    <message>
        <source>Revise las fechas: el final va después del principio.</source>
        <translation>Check the dates: the end comes after the start.</translation>
    </message>
    <message>
        <source>La conexión con un servidor terminó: la exportación se detiene.</source>
        <translation>The connection to a server ended: the export stops.</translation>
    </message>
    <message>
        <source>Conecte y marque al menos un servidor.</source>
        <translation>Connect and tick at least one server.</translation>
    </message>
    <message>
        <source>Memoria técnica en %1: periodo %2, línea base %3 (hora del centro de México, UTC-6).</source>
        <translation>Technical report in %1: period %2, baseline %3 (Central Mexico time, UTC-6).</translation>
    </message>
    <message>
        <source>Abriendo el paquete…</source>
        <translation>Opening the package…</translation>
    </message>
    <message>
        <source>Recolectando las bitácoras…</source>
        <translation>Collecting the logs…</translation>
    </message>
    <message>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 de %2, archivos %3 de %4, por la red %5, falta %6. %7</source>
        <translation>%1 of %2, files %3 of %4, over the link %5, time left %6. %7</translation>
    </message>
    <message>
        <source>Exportar de nuevo en la misma carpeta continúa donde se quedó.</source>
        <translation>Exporting again into the same folder goes on from where it stopped.</translation>
    </message>
    <message>
        <source>Escribiendo incidentes, cortes, simulacros y el manifiesto…</source>
        <translation>Writing incidents, cuts, drills and the manifest…</translation>
    </message>
    <message>
        <source>Aviso: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Paquete listo: %1 (%2 archivos de datos, %3). Verifíquelo con «Verificar paquete…».</source>
        <translation>Package ready: %1 (%2 payload files, %3). Check it with &quot;Verify package…&quot;.</translation>
    </message>
    <message>
        <source>Verificando %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>%1 no es un paquete BagIt.</source>
        <translation>%1 is not a BagIt package.</translation>
    </message>
    <message>
        <source>El paquete %1 es válido: %2 archivos de datos, cada suma correcta, nada de más.</source>
        <translation>The package %1 is valid: %2 payload files, every checksum right, nothing extra.</translation>
    </message>
    <message>
        <source>El paquete %1 NO es válido: %2 problemas (arriba, cada uno con su archivo).</source>
        <translation>The package %1 is NOT valid: %2 problems (above, each with its file).</translation>
    </message>
    <message>
        <source>Vista previa</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>La memoria técnica con los datos de la consola para el periodo, sin bitácoras</source>
        <translation>The technical report with the console&apos;s data for the period, without logs</translation>
    </message>
    <message>
        <source>«Vista previa» muestra aquí la memoria técnica del periodo.</source>
        <translation>“Preview” shows the period&apos;s technical report here.</translation>
    </message>
    <message>
        <source>Registro</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Preparando la vista previa…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Vista previa sin bitácoras: las secciones 1 y 3 se llenan al exportar, con las bitácoras recolectadas de los servidores.</source>
        <translation>Preview without logs: sections 1 and 3 are filled in when exporting, with the logs collected from the servers.</translation>
    </message>
    <message>
        <source>Vista previa lista, sin bitácoras; incidentes del periodo: %1.</source>
        <translation>Preview ready, without logs; incidents in the period: %1.</translation>
    </message>
    <message>
        <source>Vista previa con avisos: %1</source>
        <translation>Preview with warnings: %1</translation>
    </message>
</context>
<context>
    <name>difusor::ui::HostKeyDialog</name>
    <message>
        <source>Llave de servidor desconocida</source>
        <translation>Unknown server key</translation>
    </message>
    <message>
        <source>&lt;b&gt;Esta consola no conoce la llave del servidor %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;This console does not know the key of server %1.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Antes de confiar, compare esta huella con la que le dé el administrador del servidor (en el servidor: &lt;code&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/code&gt;).</source>
        <translation>Before trusting it, compare this fingerprint with the one the server&apos;s administrator gives you (on the server: &lt;code&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>¿Confiar y recordar?</source>
        <translation>Trust and remember?</translation>
    </message>
    <message>
        <source>Confiar y recordar</source>
        <translation>Trust and remember</translation>
    </message>
    <message>
        <source>No conectar</source>
        <translation>Do not connect</translation>
    </message>
    <message>
        <source>¡La llave del servidor cambió!</source>
        <translation>The server&apos;s key changed!</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#c01c28&quot;&gt;&lt;b&gt;¡La llave del servidor %1 cambió! La conexión se rechazó.&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#c01c28&quot;&gt;&lt;b&gt;The key of server %1 changed! The connection was refused.&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#c01c28&quot;&gt;Alguien podría estar interceptando la conexión (ataque de intermediario), o el servidor se reinstaló. No se envió ninguna contraseña.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#c01c28&quot;&gt;Someone could be intercepting the connection (man-in-the-middle attack), or the server was reinstalled. No password was sent.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Llave registrada: %1</source>
        <translation>Key on record: %1</translation>
    </message>
    <message>
        <source>Llave presentada: %1</source>
        <translation>Key presented: %1</translation>
    </message>
    <message>
        <source>Si el administrador confirma que la llave nueva es legítima, borre la entrada anterior y vuelva a conectar; la consola le preguntará entonces por la llave nueva:</source>
        <translation>If the administrator confirms that the new key is legitimate, remove the old entry and connect again; the console will then ask you about the new key:</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>difusor::ui::IncidentAlerts</name>
    <message>
        <source>Aviso de escritorio (%1).</source>
        <translation>Desktop notification (%1).</translation>
    </message>
</context>
<context>
    <name>difusor::ui::IncidentDetail</name>
    <message>
        <source>Último corte</source>
        <translation>Last cut</translation>
    </message>
    <message>
        <source>Sitio oficial: última respuesta</source>
        <translation>Official site: last answer</translation>
    </message>
    <message>
        <source>Nuestro sitio: última respuesta</source>
        <translation>Our site: last answer</translation>
    </message>
    <message>
        <source>Paquete</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Hora del corte</source>
        <translation>Cut time</translation>
    </message>
    <message>
        <source>Llegó al servidor</source>
        <translation>Reached the server</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Actas capturadas</source>
        <translation>Tally sheets captured</translation>
    </message>
    <message>
        <source>Ilegible</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>Cuándo</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Respondió</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Muestra el corte</source>
        <translation>Shows the cut</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Ventana (s)</source>
        <translation>Window (s)</translation>
    </message>
    <message>
        <source>Solicitudes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Respuestas 5xx</source>
        <translation>5xx answers</translation>
    </message>
    <message>
        <source>Línea base (solicitudes/s)</source>
        <translation>Baseline (requests/s)</translation>
    </message>
    <message>
        <source>Minutos de línea base</source>
        <translation>Baseline minutes</translation>
    </message>
    <message>
        <source>Dirección con más solicitudes</source>
        <translation>Address with the most requests</translation>
    </message>
    <message>
        <source>Solicitudes de esa dirección</source>
        <translation>Requests from that address</translation>
    </message>
    <message>
        <source>Última línea de la bitácora</source>
        <translation>Last log line</translation>
    </message>
    <message>
        <source>Lectura de la bitácora activa</source>
        <translation>Log reading active</translation>
    </message>
    <message>
        <source>Sitio en línea</source>
        <translation>Site up</translation>
    </message>
    <message>
        <source>Últimas líneas con 5xx de la bitácora</source>
        <translation>Latest 5xx lines of the log</translation>
    </message>
    <message>
        <source>Sin conexión desde</source>
        <translation>Disconnected since</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Requisito</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Título</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Esperado</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Encontrado</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Evidencia</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Líneas de la bitácora</source>
        <translation>Log lines</translation>
    </message>
    <message>
        <source>sí</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>La regla no guardó evidencia para este incidente.</source>
        <translation>The rule kept no evidence for this incident.</translation>
    </message>
    <message>
        <source>Guardar causa raíz</source>
        <translation>Save root cause</translation>
    </message>
    <message>
        <source>Guardar acciones</source>
        <translation>Save actions</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Asunto</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gravedad</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Afecta la publicación</source>
        <translation>Affects publication</translation>
    </message>
    <message>
        <source>Detalle</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Reconocido</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Silenciado</source>
        <translation>Silenced</translation>
    </message>
    <message>
        <source>Inicio</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Detectado</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Última observación</source>
        <translation>Last observed</translation>
    </message>
    <message>
        <source>Resuelto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tiempo en detectar</source>
        <translation>Time to detect</translation>
    </message>
    <message>
        <source>Tiempo en reconocer</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <source>Tiempo en resolver</source>
        <translation>Time to resolve</translation>
    </message>
    <message>
        <source>Datos</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Cuándo (UTC-6)</source>
        <translation>When (UTC-6)</translation>
    </message>
    <message>
        <source>Quién</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Qué</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Texto</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Cronología</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Por qué pasó (lo que se sepa; se puede completar después)</source>
        <translation>Why it happened (what is known; it can be completed later)</translation>
    </message>
    <message>
        <source>Qué se hizo y qué se hará para que no se repita</source>
        <translation>What was done and what will be done so it does not happen again</translation>
    </message>
    <message>
        <source>Causa raíz:</source>
        <translation>Root cause:</translation>
    </message>
    <message>
        <source>Acciones:</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <source>Causa raíz y acciones</source>
        <translation>Root cause and actions</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>&lt;i&gt;Elija un incidente de la lista para ver sus datos, su cronología y su evidencia.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Choose an incident in the list to see its fields, its timeline and its evidence.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;font-size: large&quot;&gt;#%1 · %2&lt;/b&gt;&lt;br&gt;&lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; · %5 · %6</source>
        <translation>&lt;b style=&quot;font-size: large&quot;&gt;#%1 · %2&lt;/b&gt;&lt;br&gt;&lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; · %5 · %6</translation>
    </message>
    <message>
        <source>servidor %1</source>
        <translation>server %1</translation>
    </message>
    <message>
        <source>%1 (%2 observaciones)</source>
        <translation>%1 (%2 observations)</translation>
    </message>
    <message>
        <source>%1 por %2: «%3»</source>
        <translation>%1 by %2: “%3”</translation>
    </message>
    <message>
        <source>%1: «%2»%3</source>
        <translation>%1: “%2”%3</translation>
    </message>
    <message>
        <source> (hasta que la condición termine)</source>
        <translation> (until the condition ends)</translation>
    </message>
    <message>
        <source>%1 por %2 (a mano)</source>
        <translation>%1 by %2 (by hand)</translation>
    </message>
    <message>
        <source>%1 (sola: la condición terminó)</source>
        <translation>%1 (by itself: the condition ended)</translation>
    </message>
    <message>
        <source>Cronología (%1)</source>
        <translation>Timeline (%1)</translation>
    </message>
    <message>
        <source>✔ Causa raíz guardada (%1).</source>
        <translation>✔ Root cause saved (%1).</translation>
    </message>
    <message>
        <source>✔ Acciones guardadas (%1).</source>
        <translation>✔ Actions saved (%1).</translation>
    </message>
    <message>
        <source>✖ No se guardó: %1</source>
        <translation>✖ Not saved: %1</translation>
    </message>
</context>
<context>
    <name>difusor::ui::IncidentNoteEditor</name>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelar sin guardar (Esc)</source>
        <translation>Cancel without saving (Esc)</translation>
    </message>
    <message>
        <source>Reconocer</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Guardar nota</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Silenciar</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reconocer&lt;/b&gt; %1. Nota (obligatoria): qué se vio o qué se hará.</source>
        <translation>&lt;b&gt;Acknowledge&lt;/b&gt; %1. Note (required): what was seen or what will be done.</translation>
    </message>
    <message>
        <source>p. ej. «Reviso el rsync del servidor»</source>
        <translation>e.g. “Checking the server&apos;s rsync”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nota&lt;/b&gt; para %1:</source>
        <translation>&lt;b&gt;Note&lt;/b&gt; for %1:</translation>
    </message>
    <message>
        <source>Lo que se vio o se hizo</source>
        <translation>What was seen or done</translation>
    </message>
    <message>
        <source>&lt;b&gt;Silenciar&lt;/b&gt; %1: no más avisos hasta que la condición termine. Motivo (obligatorio):</source>
        <translation>&lt;b&gt;Silence&lt;/b&gt; %1: no more notifications until the condition ends. Reason (required):</translation>
    </message>
    <message>
        <source>p. ej. «Mantenimiento anunciado del sitio oficial»</source>
        <translation>e.g. “Announced maintenance of the official site”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resolver a mano&lt;/b&gt; %1. Nota (obligatoria): qué se hizo.</source>
        <translation>&lt;b&gt;Resolve by hand&lt;/b&gt; %1. Note (required): what was done.</translation>
    </message>
    <message>
        <source>p. ej. «Se reinició nginx; el sitio responde»</source>
        <translation>e.g. “nginx restarted; the site answers”</translation>
    </message>
    <message>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>✖ No se guardó: %1</source>
        <translation>✖ Not saved: %1</translation>
    </message>
    <message>
        <source>silenciar necesita un motivo. Escríbalo y vuelva a intentarlo.</source>
        <translation>silencing needs a reason. Write it and try again.</translation>
    </message>
    <message>
        <source>hace falta una nota: escriba qué se vio o qué se hizo.</source>
        <translation>a note is needed: write what was seen or what was done.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::IncidentsPage</name>
    <message>
        <source>Exportar incidentes (CSV)</source>
        <translation>Export incidents (CSV)</translation>
    </message>
    <message>
        <source>Exportar incidentes (JSON)</source>
        <translation>Export incidents (JSON)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No se exportó: sin base de datos.</source>
        <translation>Not exported: no database.</translation>
    </message>
    <message>
        <source>sin base de datos</source>
        <translation>no database</translation>
    </message>
    <message>
        <source>%1 incidentes exportados a %2.</source>
        <translation>%1 incidents exported to %2.</translation>
    </message>
    <message>
        <source>No se exportó a %1: %2</source>
        <translation>Not exported to %1: %2</translation>
    </message>
    <message>
        <source>reconocido</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>nota guardada</source>
        <translation>note saved</translation>
    </message>
    <message>
        <source>silenciado</source>
        <translation>silenced</translation>
    </message>
    <message>
        <source>resuelto</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>reabierto</source>
        <translation>reopened</translation>
    </message>
    <message>
        <source>gravedad cambiada</source>
        <translation>severity changed</translation>
    </message>
    <message>
        <source>«afecta la publicación» cambiado</source>
        <translation>“affects publication” changed</translation>
    </message>
    <message>
        <source>causa raíz guardada</source>
        <translation>root cause saved</translation>
    </message>
    <message>
        <source>acciones guardadas</source>
        <translation>actions saved</translation>
    </message>
    <message>
        <source>aviso registrado</source>
        <translation>notification recorded</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Incidentes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Incidents&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Su nombre: queda en la cronología de cada incidente que reconozca, anote o resuelva.</source>
        <translation>Your name: it goes into the timeline of every incident you acknowledge, annotate or resolve.</translation>
    </message>
    <message>
        <source>&amp;Técnico:</source>
        <translation>&amp;Technician:</translation>
    </message>
    <message>
        <source>Incidente %1: no se guardó: %2</source>
        <translation>Incident %1: not saved: %2</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Sin resolver</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>Abiertos</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Reconocidos</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Resueltos</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Todas</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Esta noche (desde las 12:00)</source>
        <translation>Tonight (since 12:00)</translation>
    </message>
    <message>
        <source>Últimas 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <source>Entre fechas…</source>
        <translation>Between dates…</translation>
    </message>
    <message>
        <source>Incidentes que seguían sin resolver en este momento o empezaron después (UTC-6)</source>
        <translation>Incidents still unresolved at this moment or started after it (UTC-6)</translation>
    </message>
    <message>
        <source>Incidentes que empezaron antes de este momento (UTC-6)</source>
        <translation>Incidents started before this moment (UTC-6)</translation>
    </message>
    <message>
        <source>Estado:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Gravedad:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <source>Tipo:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Servidor:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Periodo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>desde</source>
        <translation>from</translation>
    </message>
    <message>
        <source>hasta</source>
        <translation>to</translation>
    </message>
    <message>
        <source>(UTC-6)</source>
        <translation>(UTC-6)</translation>
    </message>
    <message>
        <source>Guarda la lista tal como se ve (con los filtros aplicados)</source>
        <translation>Saves the list as shown (with the filters applied)</translation>
    </message>
    <message>
        <source>Exportar CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Exportar JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>Reconocer</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Reconocer el incidente elegido, con una nota (A)</source>
        <translation>Acknowledge the chosen incident, with a note (A)</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Añadir una nota a la cronología (N)</source>
        <translation>Add a note to the timeline (N)</translation>
    </message>
    <message>
        <source>Silenciar</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Sin más avisos hasta que la condición termine; pide un motivo (S)</source>
        <translation>No more notifications until the condition ends; asks for a reason (S)</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Resolver a mano, con una nota (R)</source>
        <translation>Resolve by hand, with a note (R)</translation>
    </message>
    <message>
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Reabrir un incidente resuelto (O)</source>
        <translation>Reopen a resolved incident (O)</translation>
    </message>
    <message>
        <source>Incidente %1: no se reabrió: %2</source>
        <translation>Incident %1: not reopened: %2</translation>
    </message>
    <message>
        <source>Gravedad</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Afectó la publicación</source>
        <translation>Affected publication</translation>
    </message>
    <message>
        <source>Sin base de datos: no hay incidentes que mostrar.</source>
        <translation>No database: there are no incidents to show.</translation>
    </message>
    <message>
        <source>La base de datos aún no está abierta.</source>
        <translation>The database is not open yet.</translation>
    </message>
    <message>
        <source>La base de datos no está abierta: %1</source>
        <translation>The database is not open: %1</translation>
    </message>
    <message>
        <source>%1 incidentes en la lista · %2 sin resolver · %3 críticos sin resolver</source>
        <translation>%1 incidents in the list · %2 unresolved · %3 critical unresolved</translation>
    </message>
    <message>
        <source>El incidente %1 no está en la base de datos.</source>
        <translation>Incident %1 is not in the database.</translation>
    </message>
    <message>
        <source>el incidente %1</source>
        <translation>incident %1</translation>
    </message>
    <message>
        <source>el incidente %1 «%2» (%3)</source>
        <translation>incident %1 “%2” (%3)</translation>
    </message>
    <message>
        <source>Elija primero un incidente de la lista.</source>
        <translation>First choose an incident in the list.</translation>
    </message>
    <message>
        <source>Incidente %1: no se cambió: %2</source>
        <translation>Incident %1: not changed: %2</translation>
    </message>
    <message>
        <source>no hay un incidente elegido.</source>
        <translation>no incident is chosen.</translation>
    </message>
    <message>
        <source>escriba su nombre en «Técnico»: queda en la cronología.</source>
        <translation>write your name in “Technician”: it goes into the timeline.</translation>
    </message>
    <message>
        <source>sin base de datos.</source>
        <translation>no database.</translation>
    </message>
    <message>
        <source>el incidente %1 no está en la base de datos.</source>
        <translation>incident %1 is not in the database.</translation>
    </message>
    <message>
        <source>la base de datos no respondió.</source>
        <translation>the database did not answer.</translation>
    </message>
    <message>
        <source>Incidente %1: %2.</source>
        <translation>Incident %1: %2.</translation>
    </message>
    <message>
        <source>El incidente %1 ya estaba reconocido (por %2).</source>
        <translation>Incident %1 was already acknowledged (by %2).</translation>
    </message>
    <message>
        <source>El incidente %1 ya está resuelto.</source>
        <translation>Incident %1 is already resolved.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::IncidentsTableModel</name>
    <message>
        <source>Sin determinar</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 · silenciado</source>
        <translation>%1 · silenced</translation>
    </message>
    <message>
        <source>duró %1</source>
        <translation>lasted %1</translation>
    </message>
    <message>
        <source>(servidor %1)</source>
        <translation>(server %1)</translation>
    </message>
    <message>
        <source>Sin resolver desde hace %1</source>
        <translation>Unresolved for %1</translation>
    </message>
    <message>
        <source>Gravedad</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Incidente</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Inicio (UTC-6)</source>
        <translation>Started (UTC-6)</translation>
    </message>
    <message>
        <source>Antigüedad / duración</source>
        <translation>Age / duration</translation>
    </message>
    <message>
        <source>Afecta la publicación</source>
        <translation>Affects publication</translation>
    </message>
    <message>
        <source>Observaciones</source>
        <translation>Observations</translation>
    </message>
</context>
<context>
    <name>difusor::ui::InfrastructurePage</name>
    <message>
        <source>Verificar ahora</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Cargar requisitos…</source>
        <translation>Load requirements…</translation>
    </message>
    <message>
        <source>Umbrales e IP de confianza…</source>
        <translation>Thresholds and trusted IPs…</translation>
    </message>
    <message>
        <source>Registrar atestación…</source>
        <translation>Record attestation…</translation>
    </message>
    <message>
        <source>Infraestructura</source>
        <translation>Infrastructure</translation>
    </message>
    <message>
        <source>Seleccione una verificación para ver lo esperado, lo encontrado y la evidencia.</source>
        <translation>Select a check to see what was expected, what was found and the evidence.</translation>
    </message>
    <message>
        <source>No se pudieron cargar los requisitos: %1</source>
        <translation>Could not load the requirements: %1</translation>
    </message>
    <message>
        <source>sin conexión</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>Sin conexión con el servidor: conéctese para verificar.</source>
        <translation>No connection to the server: connect to run the checks.</translation>
    </message>
    <message>
        <source>Verificando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Verificando %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>(no se guardó: sin base de datos)</source>
        <translation>(not saved: no database)</translation>
    </message>
    <message>
        <source>(no se guardó: %1)</source>
        <translation>(not saved: %1)</translation>
    </message>
    <message>
        <source>base de datos cerrada</source>
        <translation>database closed</translation>
    </message>
    <message>
        <source>(guardada)</source>
        <translation>(saved)</translation>
    </message>
    <message>
        <source>Requisitos: %1%2</source>
        <translation>Requirements: %1%2</translation>
    </message>
    <message>
        <source> (predeterminados)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>Última verificación: ninguna todavía en %1.</source>
        <translation>Last check: none yet on %1.</translation>
    </message>
    <message>
        <source>Última verificación: ninguna (sin servidor conectado).</source>
        <translation>Last check: none (no server connected).</translation>
    </message>
    <message>
        <source>Última verificación: %1 · %2 ms · %3</source>
        <translation>Last check: %1 · %2 ms · %3</translation>
    </message>
    <message>
        <source>sin verificación anterior con qué comparar</source>
        <translation>no previous check to compare with</translation>
    </message>
    <message>
        <source>sin cambios desde la verificación anterior</source>
        <translation>no changes since the previous check</translation>
    </message>
    <message>
        <source>1 cambio desde la verificación anterior</source>
        <translation>1 change since the previous check</translation>
    </message>
    <message>
        <source>%1 cambios desde la verificación anterior</source>
        <translation>%1 changes since the previous check</translation>
    </message>
    <message>
        <source>La verificación no pudo consultar el servidor: %1</source>
        <translation>The check could not query the server: %1</translation>
    </message>
    <message>
        <source>Estado:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>cambió:</source>
        <translation>changed:</translation>
    </message>
    <message>
        <source>estimado con una fuente alternativa</source>
        <translation>estimated from an alternative source</translation>
    </message>
    <message>
        <source>Cláusula:</source>
        <translation>Clause:</translation>
    </message>
    <message>
        <source>Esperado:</source>
        <translation>Expected:</translation>
    </message>
    <message>
        <source>Encontrado:</source>
        <translation>Found:</translation>
    </message>
    <message>
        <source>Qué hacer:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Atestación:</source>
        <translation>Attestation:</translation>
    </message>
    <message>
        <source>se cumple</source>
        <translation>met</translation>
    </message>
    <message>
        <source>no se cumple</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>Evidencia (comando, estado de salida y salida sin procesar):</source>
        <translation>Evidence (command, exit status and raw output):</translation>
    </message>
    <message>
        <source>(sin evidencia)</source>
        <translation>(no evidence)</translation>
    </message>
    <message>
        <source>(reevaluada con los requisitos y atestaciones actuales, sin nueva consulta)</source>
        <translation>(re-evaluated with the current requirements and attestations, without querying again)</translation>
    </message>
    <message>
        <source>Cargar requisitos</source>
        <translation>Load requirements</translation>
    </message>
    <message>
        <source>Requisitos (*.json)</source>
        <translation>Requirements (*.json)</translation>
    </message>
    <message>
        <source>Guardar requisitos</source>
        <translation>Save requirements</translation>
    </message>
    <message>
        <source>Registrar atestación</source>
        <translation>Record attestation</translation>
    </message>
    <message>
        <source>(el incidente no se guardó: %1)</source>
        <translation>(the incident was not saved: %1)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::MainWindow</name>
    <message>
        <source>Perfil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Esta compilación no incluye el difusor de prueba (área «sandbox»); --demo no está disponible.</source>
        <translation>This build does not include the test difusor (“sandbox” area); --demo is not available.</translation>
    </message>
    <message>
        <source>Conexión</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Resumen</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>El estado del difusor de un vistazo: cumplimiento, último corte, desfase y tráfico.</source>
        <translation>The difusor&apos;s state at a glance: compliance, last cut, lag and traffic.</translation>
    </message>
    <message>
        <source>Infraestructura</source>
        <translation>Infrastructure</translation>
    </message>
    <message>
        <source>El cumplimiento de cada requisito de infraestructura del anexo técnico, medido en el servidor.</source>
        <translation>Compliance with each infrastructure requirement of the technical annex, measured on the server.</translation>
    </message>
    <message>
        <source>Cortes y publicación</source>
        <translation>Cuts and publication</translation>
    </message>
    <message>
        <source>La llegada de cada corte del PREP y el desfase de publicación frente al PREP oficial (un minuto como máximo).</source>
        <translation>The arrival of each PREP cut and the publication lag against the official PREP (one minute at most).</translation>
    </message>
    <message>
        <source>Tráfico</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Visitas, páginas, ancho de banda y códigos de estado del portal, en vivo.</source>
        <translation>Visits, pages, bandwidth and status codes of the portal, live.</translation>
    </message>
    <message>
        <source>Incidentes</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Los incidentes detectados, para reconocerlos, anotarlos y resolverlos.</source>
        <translation>The incidents detected, to acknowledge, annotate and resolve them.</translation>
    </message>
    <message>
        <source>Simulacros</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Simulacros con escenarios guionizados y su reporte.</source>
        <translation>Drills with scripted scenarios and their report.</translation>
    </message>
    <message>
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>La memoria técnica: PDF, CSV, JSON y las bitácoras de acceso, con un manifiesto SHA-256.</source>
        <translation>The technical report (memoria técnica): PDF, CSV, JSON and the access logs, with a SHA-256 manifest.</translation>
    </message>
    <message>
        <source>Consola del difusor PREP</source>
        <translation>PREP difusor console</translation>
    </message>
    <message>
        <source>&amp;Conexión</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <source>&amp;Perfiles…</source>
        <translation>&amp;Profiles…</translation>
    </message>
    <message>
        <source>&amp;Salir</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Panel «&amp;Comandos»</source>
        <translation>“&amp;Commands” pane</translation>
    </message>
    <message>
        <source>&amp;Simulación</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>Conectando con el perfil «%1»…</source>
        <translation>Connecting with the profile “%1”…</translation>
    </message>
    <message>
        <source>Consola del difusor PREP — %1</source>
        <translation>PREP difusor console — %1</translation>
    </message>
    <message>
        <source>Base de datos</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>No se pudo abrir %1: %2. Nada de lo medido podrá guardarse.</source>
        <translation>Could not open %1: %2. None of the measurements can be saved.</translation>
    </message>
    <message>
        <source>&amp;Idioma</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>El idioma cambiará la próxima vez que abra la consola.</source>
        <translation>The language will change the next time you open the console.</translation>
    </message>
    <message>
        <source>&amp;Desconectar todo</source>
        <translation>&amp;Disconnect all</translation>
    </message>
    <message>
        <source>Conectando además con el perfil «%1»…</source>
        <translation>Also connecting to profile “%1”…</translation>
    </message>
    <message>
        <source>Métricas para &amp;Prometheus</source>
        <translation>Metrics for &amp;Prometheus</translation>
    </message>
    <message>
        <source>Sirve /metrics (OpenMetrics) de cada servidor vigilado para Prometheus y Grafana; solo en 127.0.0.1 salvo que la configuración diga otra dirección.</source>
        <translation>Serves /metrics (OpenMetrics) of every watched server for Prometheus and Grafana; on 127.0.0.1 only unless the settings give another address.</translation>
    </message>
    <message>
        <source>Métricas para Prometheus: apagadas.</source>
        <translation>Metrics for Prometheus: off.</translation>
    </message>
    <message>
        <source>Métricas para Prometheus</source>
        <translation>Metrics for Prometheus</translation>
    </message>
    <message>
        <source>Métricas para Prometheus en %1</source>
        <translation>Metrics for Prometheus at %1</translation>
    </message>
    <message>
        <source>La base de datos no guardó un registro</source>
        <translation>The database did not save a record</translation>
    </message>
    <message>
        <source>Conecta al inicio con el servidor de este perfil. Puede darse más de una vez: el primero es el servidor principal, los demás se vigilan a su lado (una pestaña por servidor).</source>
        <translation>Connects at start to the server of this profile. May be given more than once: the first is the primary server, the others are watched beside it (one tab per server).</translation>
    </message>
    <message>
        <source>PERFIL.json</source>
        <translation>PROFILE.json</translation>
    </message>
    <message>
        <source>Arranca el difusor de prueba (sandbox run) y se conecta a él: un ensayo con sshd, nginx y rsync reales en 127.0.0.1. Sus datos van a una base aparte de la de las noches reales.</source>
        <translation>Starts the sandbox difusor (sandbox run) and connects to it: a rehearsal with a real sshd, nginx and rsync on 127.0.0.1. Its data goes to a store apart from that of real nights.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ObserveFigures</name>
    <message>
        <source>Cortes:</source>
        <translation>Cuts:</translation>
    </message>
    <message>
        <source>Retraso en publicar:</source>
        <translation>Publication lag:</translation>
    </message>
    <message>
        <source>Incidentes:</source>
        <translation>Incidents:</translation>
    </message>
    <message>
        <source>Pico de tráfico:</source>
        <translation>Traffic peak:</translation>
    </message>
    <message>
        <source>esperados %1 · recibidos %2 · tardíos %3 · faltantes %4</source>
        <translation>expected %1 · received %2 · late %3 · missing %4</translation>
    </message>
    <message>
        <source> · hacia atrás %1</source>
        <translation> · backwards %1</translation>
    </message>
    <message>
        <source> · ilegibles %1</source>
        <translation> · unreadable %1</translation>
    </message>
    <message>
        <source>ningún corte medido todavía (límite %1 s)</source>
        <translation>no cut measured yet (limit %1 s)</translation>
    </message>
    <message>
        <source>✔ dentro del límite</source>
        <translation>✔ within the limit</translation>
    </message>
    <message>
        <source>✖ fuera del límite</source>
        <translation>✖ over the limit</translation>
    </message>
    <message>
        <source>p50 %1 · p95 %2 · máx %3 (límite %4 s; %5 cortes medidos)</source>
        <translation>p50 %1 · p95 %2 · max %3 (limit %4 s; %5 cuts measured)</translation>
    </message>
    <message>
        <source> · %1 sobre el límite</source>
        <translation> · %1 over the limit</translation>
    </message>
    <message>
        <source> · %1 sin publicar</source>
        <translation> · %1 unpublished</translation>
    </message>
    <message>
        <source>%1 abiertos en la ventana, %2 sin resolver</source>
        <translation>%1 opened in the window, %2 unresolved</translation>
    </message>
    <message>
        <source> · tiempo a detectar (mediana) %1</source>
        <translation> · time to detect (median) %1</translation>
    </message>
    <message>
        <source> · %1 ya abiertos al empezar</source>
        <translation> · %1 already open at the start</translation>
    </message>
    <message>
        <source>sin datos: la bitácora de acceso no se ha leído</source>
        <translation>no data: the access log has not been read</translation>
    </message>
    <message>
        <source>%1 solicitudes/s a las %2 · %3 solicitudes/min a las %4 (UTC-6) · en total %5 (más %6 de la consola)</source>
        <translation>%1 requests/s at %2 · %3 requests/min at %4 (UTC-6) · %5 in total (plus %6 by the console)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ObserveProgress</name>
    <message>
        <source>Preparando</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Conectando con el servidor</source>
        <translation>Connecting to the server</translation>
    </message>
    <message>
        <source>Verificación previa en curso</source>
        <translation>Pre-flight running</translation>
    </message>
    <message>
        <source>Verificación previa terminada: listo para iniciar</source>
        <translation>Pre-flight done: ready to start</translation>
    </message>
    <message>
        <source>Registrado: esperando a que abra la ventana</source>
        <translation>Recorded: waiting for the window to open</translation>
    </message>
    <message>
        <source>Observando (no se inyecta nada)</source>
        <translation>Observing (nothing is injected)</translation>
    </message>
    <message>
        <source>Preparando el informe</source>
        <translation>Preparing the report</translation>
    </message>
    <message>
        <source>Terminado</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>… revisando</source>
        <translation>… checking</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Punto</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Hora (UTC-6)</source>
        <translation>Time (UTC-6)</translation>
    </message>
    <message>
        <source>Evidencia</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cifras en vivo&lt;/b&gt; (se actualizan cada 5 s)</source>
        <translation>&lt;b&gt;Live figures&lt;/b&gt; (updated every 5 s)</translation>
    </message>
    <message>
        <source>■ &amp;Detener</source>
        <translation>■ &amp;Stop</translation>
    </message>
    <message>
        <source>Detiene el simulacro: el informe cubre lo observado hasta ahora (estado «detenido»). No hay nada que revertir: solo observa.</source>
        <translation>Stops the drill: the report covers what was observed so far (status &quot;stopped&quot;). There is nothing to roll back: it only observes.</translation>
    </message>
    <message>
        <source>Deteniendo: se prepara el informe de lo observado…</source>
        <translation>Stopping: preparing the report of what was observed…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verificación previa&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;Pre-flight&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bitácora del simulacro&lt;/b&gt;</source>
        <translation>&lt;b&gt;Drill log&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Empezando…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Revisando los seis puntos (hasta 30 s)…</source>
        <translation>Checking the six items (up to 30 s)…</translation>
    </message>
    <message>
        <source>Simulacro oficial «%1» en %2 (solo observa)</source>
        <translation>Official simulacro &quot;%1&quot; on %2 (observe only)</translation>
    </message>
    <message>
        <source>✔ Los seis puntos están bien.</source>
        <translation>✔ All six items are good.</translation>
    </message>
    <message>
        <source>✖ %1 con falla, %2 sin dato: puede iniciar de todos modos (el simulacro se registrará como no cumplido y el informe lo dice), o corregir y repetir la verificación.</source>
        <translation>✖ %1 failed, %2 unknown: you may start anyway (the drill will be recorded as not passed and the report says so), or fix and repeat the pre-flight.</translation>
    </message>
    <message>
        <source>? %1 sin dato, ninguna falla: revise la evidencia antes de iniciar.</source>
        <translation>? %1 unknown, no failure: review the evidence before starting.</translation>
    </message>
    <message>
        <source>Ventana %1 a %2</source>
        <translation>Window %1 to %2</translation>
    </message>
    <message>
        <source>Ventana por fijar</source>
        <translation>Window not set yet</translation>
    </message>
    <message>
        <source> · abre en %1</source>
        <translation> · opens in %1</translation>
    </message>
    <message>
        <source> · transcurrido %1 · quedan %2</source>
        <translation> · elapsed %1 · %2 left</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ObserveReport</name>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Punto</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Hora (UTC-6)</source>
        <translation>Time (UTC-6)</translation>
    </message>
    <message>
        <source>Evidencia</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Papel</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Incidente</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Detectado</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Tiempo
a detectar</source>
        <translation>Time
to detect</translation>
    </message>
    <message>
        <source>Tiempo
a reconocer</source>
        <translation>Time to
acknowledge</translation>
    </message>
    <message>
        <source>Tiempo
a resolver</source>
        <translation>Time to
resolve</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comparación con el simulacro anterior de este servidor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comparison with this server&apos;s previous simulacro&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cifra</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Antes</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Ahora</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Guardar &amp;JSON…</source>
        <translation>Save &amp;JSON…</translation>
    </message>
    <message>
        <source>El informe completo, como lo imprime «drill observe --format json».</source>
        <translation>The whole report, as &quot;drill observe --format json&quot; prints it.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verificación previa&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;Pre-flight&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incidentes del simulacro&lt;/b&gt; (horas en UTC-6)</source>
        <translation>&lt;b&gt;Incidents of the drill&lt;/b&gt; (times in UTC-6)</translation>
    </message>
    <message>
        <source>Sin informe</source>
        <translation>No report</translation>
    </message>
    <message>
        <source>Este simulacro no tiene informe: sigue en curso, o la consola se cerró antes de terminarlo.</source>
        <translation>This drill has no report: it is still running, or the console closed before it finished.</translation>
    </message>
    <message>
        <source>sin conexión</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>%1 %2 — «%3»</source>
        <translation>%1 %2 — “%3”</translation>
    </message>
    <message>
        <source>… El simulacro no terminó (sigue en curso, o la consola se cerró durante la ventana): solo se guardó su verificación previa.</source>
        <translation>… The drill did not finish (still running, or the console closed during the window): only its pre-flight was saved.</translation>
    </message>
    <message>
        <source>? Regla del minuto: sin cortes medidos</source>
        <translation>? One-minute rule: no cut measured</translation>
    </message>
    <message>
        <source>✔ Regla del minuto cumplida: cada corte medido se publicó en menos de %1 s (máx %2).</source>
        <translation>✔ One-minute rule met: every measured cut was published in under %1 s (max %2).</translation>
    </message>
    <message>
        <source>✖ Regla del minuto no cumplida: %1 cortes sobre %2 s, %3 sin publicar (máx %4).</source>
        <translation>✖ One-minute rule not met: %1 cuts over %2 s, %3 unpublished (max %4).</translation>
    </message>
    <message>
        <source>Simulacro oficial, solo observa (fallas inyectadas: %1) · servidor %2 · técnico %3</source>
        <translation>Official simulacro, observe only (faults injected: %1) · server %2 · technician %3</translation>
    </message>
    <message>
        <source>Ventana %1 a %2 · observado %3 a %4</source>
        <translation>Window %1 to %2 · observed %3 to %4</translation>
    </message>
    <message>
        <source> · duración %1</source>
        <translation> · duration %1</translation>
    </message>
    <message>
        <source>Detenido: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>No se guardó en la base: %1</source>
        <translation>Not saved in the database: %1</translation>
    </message>
    <message numerus="yes">
        <source>La verificación previa tuvo %n punto(s) con falla.</source>
        <translation>
            <numerusform>The pre-flight had %n failed item.</numerusform>
            <numerusform>The pre-flight had %n failed items.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>sin resolver</source>
        <translation>unresolved</translation>
    </message>
    <message>
        <source>en la ventana</source>
        <translation>in the window</translation>
    </message>
    <message>
        <source>ya abierto al empezar</source>
        <translation>already open at the start</translation>
    </message>
    <message>
        <source>Guardar el informe del simulacro</source>
        <translation>Save the drill report</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::PlaceholderPage</name>
    <message>
        <source>Disponible próximamente</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ProfileDialog</name>
    <message>
        <source>Editar perfil de conexión</source>
        <translation>Edit connection profile</translation>
    </message>
    <message>
        <source>Nuevo perfil de conexión</source>
        <translation>New connection profile</translation>
    </message>
    <message>
        <source>p. ej. Difusor UNAM</source>
        <translation>e.g. UNAM difusor</translation>
    </message>
    <message>
        <source>nombre o dirección IP</source>
        <translation>name or IP address</translation>
    </message>
    <message>
        <source>Llave privada</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>Agente SSH (ssh-agent)</source>
        <translation>SSH agent (ssh-agent)</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Teclado interactivo</source>
        <translation>Keyboard-interactive</translation>
    </message>
    <message>
        <source>vacío: las llaves de ~/.ssh</source>
        <translation>empty: the keys in ~/.ssh</translation>
    </message>
    <message>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&amp;Nombre:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Servidor:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Puerto:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Usuario:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Autenticación:</source>
        <translation>&amp;Authentication:</translation>
    </message>
    <message>
        <source>Archivo de &amp;llave:</source>
        <translation>&amp;Key file:</translation>
    </message>
    <message>
        <source>Las contraseñas y frases de paso nunca se guardan en el perfil; la consola las pide al conectar y solo las recuerda en el llavero del sistema si usted lo indica.</source>
        <translation>Passwords and passphrases are never saved in the profile; the console asks for them when connecting and only remembers them in the system keychain if you say so.</translation>
    </message>
    <message>
        <source>Avanzado</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>vacío: el known_hosts propio de la consola</source>
        <translation>empty: the console&apos;s own known_hosts</translation>
    </message>
    <message>
        <source>p. ej. /srv/prep/publicacion</source>
        <translation>e.g. /srv/prep/publicacion</translation>
    </message>
    <message>
        <source>p. ej. /var/log/nginx/access.log</source>
        <translation>e.g. /var/log/nginx/access.log</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>una dirección o red por línea, p. ej. 192.0.2.10 o 192.0.2.0/24</source>
        <translation>one address or network per line, e.g. 192.0.2.10 or 192.0.2.0/24</translation>
    </message>
    <message>
        <source>Archivo known_hosts:</source>
        <translation>known_hosts file:</translation>
    </message>
    <message>
        <source>Carpeta de publicación:</source>
        <translation>Publication folder:</translation>
    </message>
    <message>
        <source>Bitácora de accesos:</source>
        <translation>Access log:</translation>
    </message>
    <message>
        <source>URL del difusor:</source>
        <translation>Difusor URL:</translation>
    </message>
    <message>
        <source>URL del PREP oficial:</source>
        <translation>Official PREP URL:</translation>
    </message>
    <message>
        <source>Intervalo entre cortes:</source>
        <translation>Interval between cuts:</translation>
    </message>
    <message>
        <source>IP de confianza (IEPC):</source>
        <translation>Trusted IPs (IEPC):</translation>
    </message>
    <message>
        <source>Elegir llave privada</source>
        <translation>Choose private key</translation>
    </message>
    <message>
        <source>Escriba un nombre para el perfil.</source>
        <translation>Write a name for the profile.</translation>
    </message>
    <message>
        <source>El nombre no puede empezar con un punto.</source>
        <translation>The name cannot start with a dot.</translation>
    </message>
    <message>
        <source>Escriba el servidor (nombre o dirección IP).</source>
        <translation>Write the server (name or IP address).</translation>
    </message>
    <message>
        <source>El servidor «%1» no es un nombre ni una dirección válidos.</source>
        <translation>The server “%1” is not a valid name or address.</translation>
    </message>
    <message>
        <source>El usuario «%1» no es válido.</source>
        <translation>The user “%1” is not valid.</translation>
    </message>
    <message>
        <source>«%1» no es una URL http(s) válida.</source>
        <translation>“%1” is not a valid http(s) URL.</translation>
    </message>
    <message>
        <source>«%1» no es una dirección IP ni una red válida.</source>
        <translation>“%1” is not a valid IP address or network.</translation>
    </message>
    <message>
        <source>No se pudo guardar el perfil.</source>
        <translation>Could not save the profile.</translation>
    </message>
    <message>
        <source>Comprimir el enlace SSH (zlib): la bitácora en vivo ocupa unas diez veces menos del enlace</source>
        <translation>Compress the SSH link (zlib): the live access log takes about ten times less of the link</translation>
    </message>
</context>
<context>
    <name>difusor::ui::RequirementsDialog</name>
    <message>
        <source>Umbrales e IP de confianza</source>
        <translation>Thresholds and trusted IPs</translation>
    </message>
    <message>
        <source>Requisitos: %1. Los cambios se guardan como una copia propia del perfil.</source>
        <translation>Requirements: %1. Changes are saved as your own copy of the profile.</translation>
    </message>
    <message>
        <source>Verificación</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Umbral</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>IP de confianza (una dirección o red CIDR por línea; p. ej. las del IEPC):</source>
        <translation>Trusted IPs (one address or CIDR network per line, e.g. the IEPC&apos;s):</translation>
    </message>
    <message>
        <source>%1 / %2: «%3» no es un número válido.</source>
        <translation>%1 / %2: “%3” is not a valid number.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::SecretDialog</name>
    <message>
        <source>Recordar en el llavero del sistema</source>
        <translation>Remember in the system keychain</translation>
    </message>
    <message>
        <source>Frase de paso de la llave</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>El servidor pregunta</source>
        <translation>The server asks</translation>
    </message>
    <message>
        <source>Servidor: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Continuar</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ServerEntry</name>
    <message>
        <source>El servidor %1 no se pudo registrar en la base de datos: %2. Nada de lo que se mida en él podrá guardarse.</source>
        <translation>Server %1 could not be registered in the database: %2. Nothing measured on it can be saved.</translation>
    </message>
</context>
<context>
    <name>difusor::ui::ServerTabs</name>
    <message>
        <source>Sin servidor</source>
        <translation>No server</translation>
    </message>
</context>
<context>
    <name>difusor::ui::SummaryPage</name>
    <message>
        <source>Resumen</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Pantalla completa</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Salir de pantalla completa</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <source>Muestra el resumen a pantalla completa, para leerlo a distancia (F11; Esc sale).</source>
        <translation>Shows the summary full screen, to read it from a distance (F11; Esc leaves).</translation>
    </message>
    <message>
        <source>Pantalla completa (F11)</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <source>Sin servidor</source>
        <translation>No server</translation>
    </message>
    <message>
        <source>Salir de pantalla completa (Esc)</source>
        <translation>Leave full screen (Esc)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::SummaryText</name>
    <message>
        <source>CORTE ATRASADO</source>
        <translation>LATE CUT</translation>
    </message>
    <message>
        <source>CORTE OMITIDO</source>
        <translation>SKIPPED CUT</translation>
    </message>
    <message>
        <source>HACIA ATRÁS</source>
        <translation>BACKWARDS</translation>
    </message>
    <message>
        <source>ILEGIBLE</source>
        <translation>UNREADABLE</translation>
    </message>
    <message>
        <source>FUERA DE PLAZO</source>
        <translation>OVER THE LIMIT</translation>
    </message>
    <message>
        <source>SITIO ATRASADO</source>
        <translation>SITE BEHIND</translation>
    </message>
    <message>
        <source>SIN RESPUESTA</source>
        <translation>NO ANSWER</translation>
    </message>
    <message>
        <source>ERROR HTTP</source>
        <translation>HTTP ERROR</translation>
    </message>
    <message>
        <source>ERRORES 5xx</source>
        <translation>5xx ERRORS</translation>
    </message>
    <message>
        <source>PICO</source>
        <translation>SPIKE</translation>
    </message>
    <message>
        <source>INUNDACIÓN</source>
        <translation>FLOOD</translation>
    </message>
    <message>
        <source>BITÁCORA MUDA</source>
        <translation>LOG SILENT</translation>
    </message>
    <message>
        <source>CONEXIÓN PERDIDA</source>
        <translation>CONNECTION LOST</translation>
    </message>
    <message>
        <source>hace %1</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>SIN SERVIDOR</source>
        <translation>NO SERVER</translation>
    </message>
    <message>
        <source>SIN VIGILANCIA</source>
        <translation>NOT WATCHED</translation>
    </message>
    <message>
        <source>esperando la conexión</source>
        <translation>waiting for the connection</translation>
    </message>
    <message>
        <source>elija un perfil en «Conexión»</source>
        <translation>choose a profile in “Connection”</translation>
    </message>
    <message>
        <source>SIN LEER</source>
        <translation>NOT READ</translation>
    </message>
    <message>
        <source>SIN VERIFICAR</source>
        <translation>NOT CHECKED</translation>
    </message>
    <message>
        <source>ninguna verificación guardada</source>
        <translation>no check run saved</translation>
    </message>
    <message>
        <source>%1 de %2 requisitos · %3</source>
        <translation>%1 of %2 requirements · %3</translation>
    </message>
    <message>
        <source>%1 de %2 requisitos sin dato · %3</source>
        <translation>%1 of %2 requirements without data · %3</translation>
    </message>
    <message>
        <source>%1 de %2 requisitos con advertencia · %3</source>
        <translation>%1 of %2 requirements with a warning · %3</translation>
    </message>
    <message>
        <source>%1 requisitos · %2</source>
        <translation>%1 requirements · %2</translation>
    </message>
    <message>
        <source>ESPERANDO</source>
        <translation>WAITING</translation>
    </message>
    <message>
        <source>ningún corte todavía</source>
        <translation>no cut yet</translation>
    </message>
    <message>
        <source>AL DÍA</source>
        <translation>UP TO DATE</translation>
    </message>
    <message>
        <source>corte %1 (%2) · %3</source>
        <translation>cut %1 (%2) · %3</translation>
    </message>
    <message>
        <source>límite %1 s</source>
        <translation>limit %1 s</translation>
    </message>
    <message>
        <source>SIN MEDIR</source>
        <translation>NOT MEASURED</translation>
    </message>
    <message>
        <source>desfase sin medir aún · %1</source>
        <translation>lag not measured yet · %1</translation>
    </message>
    <message>
        <source>desfase %1 · %2</source>
        <translation>lag %1 · %2</translation>
    </message>
    <message>
        <source>AL LÍMITE</source>
        <translation>NEAR THE LIMIT</translation>
    </message>
    <message>
        <source>EN PLAZO</source>
        <translation>IN TIME</translation>
    </message>
    <message>
        <source>SIN BITÁCORA</source>
        <translation>NO ACCESS LOG</translation>
    </message>
    <message>
        <source>el perfil no indica access_log</source>
        <translation>the profile names no access_log</translation>
    </message>
    <message>
        <source>primer periodo en curso</source>
        <translation>first period under way</translation>
    </message>
    <message>
        <source>NORMAL</source>
        <translation>NORMAL</translation>
    </message>
    <message>
        <source>%1 solicitudes/s</source>
        <translation>%1 requests/s</translation>
    </message>
    <message>
        <source>críticos %1 · mayores %2 · menores %3</source>
        <translation>critical %1 · major %2 · minor %3</translation>
    </message>
    <message>
        <source> · reconocidos %1</source>
        <translation> · acknowledged %1</translation>
    </message>
    <message>
        <source>CRÍTICOS: %1</source>
        <translation>CRITICAL: %1</translation>
    </message>
    <message>
        <source>MAYORES: %1</source>
        <translation>MAJOR: %1</translation>
    </message>
    <message>
        <source>MENORES: %1</source>
        <translation>MINOR: %1</translation>
    </message>
    <message>
        <source>NINGUNO</source>
        <translation>NONE</translation>
    </message>
    <message>
        <source>Conexión</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Infraestructura</source>
        <translation>Infrastructure</translation>
    </message>
    <message>
        <source>Cortes</source>
        <translation>Cuts</translation>
    </message>
    <message>
        <source>Publicación</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Tráfico</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Incidentes</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>%1 de %2: %3</source>
        <translation>%1 of %2: %3</translation>
    </message>
    <message>
        <source>%1: abrir la página (clic o Intro)</source>
        <translation>%1: open the page (click or Enter)</translation>
    </message>
    <message>
        <source>%1
%2: abrir la página (clic o Intro)</source>
        <translation>%1
%2: open the page (click or Enter)</translation>
    </message>
</context>
<context>
    <name>difusor::ui::TrafficPage</name>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>All</translation>
    </message>
    <message>
        <source>AWStats (hits, páginas, visitas)</source>
        <translation>AWStats (hits, pages, visits)</translation>
    </message>
    <message>
        <source>Crudo (como GoAccess)</source>
        <translation>Raw (like GoAccess)</translation>
    </message>
    <message>
        <source>Cambiar el modo reinicia la cuenta desde este momento.</source>
        <translation>Changing the mode restarts the count from now.</translation>
    </message>
    <message>
        <source>Modo:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <source>Periodo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Conéctese a un servidor difusor para ver su tráfico en vivo.</source>
        <translation>Connect to a difusor server to see its live traffic.</translation>
    </message>
    <message>
        <source>Solicitudes por segundo</source>
        <translation>Requests per second</translation>
    </message>
    <message>
        <source>solicitudes/s</source>
        <translation>requests/s</translation>
    </message>
    <message>
        <source>solicitudes</source>
        <translation>requests</translation>
    </message>
    <message>
        <source>Páginas por minuto</source>
        <translation>Pages per minute</translation>
    </message>
    <message>
        <source>páginas/min</source>
        <translation>pages/min</translation>
    </message>
    <message>
        <source>páginas</source>
        <translation>pages</translation>
    </message>
    <message>
        <source>Visitas nuevas por minuto</source>
        <translation>New visits per minute</translation>
    </message>
    <message>
        <source>visitas/min</source>
        <translation>visits/min</translation>
    </message>
    <message>
        <source>visitas</source>
        <translation>visits</translation>
    </message>
    <message>
        <source>Ancho de banda</source>
        <translation>Bandwidth</translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation>kB/s</translation>
    </message>
    <message>
        <source>Errores por segundo</source>
        <translation>Errors per second</translation>
    </message>
    <message>
        <source>respuestas/s</source>
        <translation>responses/s</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>Página</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Solicitudes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>&lt;b&gt;Páginas más pedidas&lt;/b&gt;</source>
        <translation>&lt;b&gt;Most requested pages&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Direcciones con más solicitudes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Addresses with the most requests&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tráfico de %1</source>
        <translation>Traffic of %1</translation>
    </message>
    <message>
        <source>Tráfico</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Desde que se vigila: &lt;b&gt;%1&lt;/b&gt; solicitudes · &lt;b&gt;%2&lt;/b&gt; hits · &lt;b&gt;%3&lt;/b&gt; páginas · &lt;b&gt;%4&lt;/b&gt; visitas · &lt;b&gt;%5&lt;/b&gt; visitantes únicos · &lt;b&gt;%6&lt;/b&gt; transferidos</source>
        <translation>Since watching began: &lt;b&gt;%1&lt;/b&gt; requests · &lt;b&gt;%2&lt;/b&gt; hits · &lt;b&gt;%3&lt;/b&gt; pages · &lt;b&gt;%4&lt;/b&gt; visits · &lt;b&gt;%5&lt;/b&gt; unique visitors · &lt;b&gt;%6&lt;/b&gt; transferred</translation>
    </message>
    <message>
        <source>Horas del centro de México (UTC-6)</source>
        <translation>Central Mexico time (UTC-6)</translation>
    </message>
    <message>
        <source>Robots: %1 %</source>
        <translation>Robots: %1 %</translation>
    </message>
    <message>
        <source>Tiempo de servicio p50 %1 ms · p95 %2 ms · p99 %3 ms</source>
        <translation>Service time p50 %1 ms · p95 %2 ms · p99 %3 ms</translation>
    </message>
    <message>
        <source>Tiempo de servicio: la bitácora no lo registra</source>
        <translation>Service time: not recorded in the log</translation>
    </message>
    <message>
        <source>%1 líneas ilegibles</source>
        <translation>%1 unreadable lines</translation>
    </message>
    <message>
        <source>Hora de la bitácora: %1</source>
        <translation>Log clock: %1</translation>
    </message>
    <message>
        <source>%1 desde %2: %3</source>
        <translation>%1 since %2: %3</translation>
    </message>
    <message>
        <source>Sin conexión</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Detenido</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Abriendo la bitácora de acceso…</source>
        <translation>Opening the access log…</translation>
    </message>
    <message>
        <source>● En vivo</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>Reconectando; se reanuda sin perder líneas…</source>
        <translation>Reconnecting; resumes without losing lines…</translation>
    </message>
    <message>
        <source>Consola: %1 solicitudes (fuera de hits, páginas y visitas)</source>
        <translation>Console: %1 requests (left out of hits, pages and visits)</translation>
    </message>
    <message>
        <source>%1 Se sigue intentando; revise access_log en el perfil.</source>
        <translation>%1 Still trying; check access_log in the profile.</translation>
    </message>
    <message>
        <source>Sin lectura de la bitácora</source>
        <translation>Access log not read</translation>
    </message>
</context>
</TS>
